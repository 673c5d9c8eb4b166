import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDiagram, type DiagramGroup } from '../src/index.js';
import { specSetOf, specSetOnDisk, TRIGGER_ACROSS_USE } from '../../../test/support/spec-sets.js';
import { REPO, textAt } from './support.js';

const CLINIC = ['core', 'scheduling', 'reminders', 'billing', 'encounters'].map(m => `examples/clinic/${m}.allium`);

function edgesOf(group: DiagramGroup): string[] {
    const label = (id: string) => group.nodes.find(n => n.id === id)!.label || '*';
    return group.edges.map(e => `${label(e.from)} -> ${label(e.to)} [${e.labels.map(l => l.text).join(', ')}]${e.kind === 'undeclared' ? ' undeclared' : ''}`).sort();
}

describe('state machines', () => {
    it('draws Order.status of examples/orders with the rules that take each edge, creation and terminal states', async () => {
        const set = await specSetOnDisk('examples/orders/orders.allium');
        const diagram = buildDiagram(set.services, set.modules, 'states');
        // Payment is in payments.allium, which orders only imports: its machine belongs to that file's diagram.
        expect(diagram.groups.map(g => g.title)).toEqual(['Order.status']);
        const [order] = diagram.groups;
        expect(order.nodes.filter(n => n.kind === 'state').map(n => `${n.label}${n.terminal ? '!' : ''}`)).toEqual(['pending', 'paid', 'shipped', 'delivered!', 'cancelled!']);
        expect(edgesOf(order)).toEqual([
            '* -> pending [PlaceOrder]',
            'paid -> shipped [ShipOrder]',
            'pending -> cancelled [CancelUnpaidOrder]',
            'pending -> paid [PayOrder]',
            'shipped -> delivered [ConfirmDelivery]'
        ]);
    });

    it('points each part at its declaration: a state at its literal, an edge at its line, a rule label at the clause that takes it', async () => {
        const set = await specSetOnDisk('examples/orders/orders.allium');
        const [order] = buildDiagram(set.services, set.modules, 'states').groups;
        const paid = order.nodes.find(n => n.label === 'paid')!;
        expect(textAt(paid.target)).toBe('paid');
        expect(paid.target!.range.start.line).toBe(27); // `status: pending | paid | ...`, zero-based
        const edge = order.edges.find(e => e.id === 'Order.status:pending->paid')!;
        expect(textAt(edge.target)).toBe('pending -> paid');
        expect(textAt(edge.labels[0].target)).toBe('order.status = paid');
        expect(textAt(order.edges.find(e => e.kind === 'creation')!.labels[0].target)).toBe('status: pending');
        expect(textAt(order.target)).toBe('status');
    });

    it('reads every entity of the clinic set, with several rules on one edge and rules of other files', async () => {
        const set = await specSetOnDisk(...CLINIC);
        const diagram = buildDiagram(set.services, set.modules, 'states');
        expect(diagram.groups.map(g => g.title).sort()).toEqual(['Appointment.status', 'Encounter.status', 'InsuranceClaim.status', 'Invoice.status', 'Patient.status', 'Reminder.status']);
        const appointment = diagram.groups.find(g => g.title === 'Appointment.status')!;
        expect(edgesOf(appointment)).toContain('booked -> cancelled [PatientCancelsAppointment, ClinicCancelsAppointment]');
        expect(edgesOf(diagram.groups.find(g => g.title === 'Invoice.status')!)).toContain('* -> open [RaiseSelfPayInvoice, RaiseInsuredInvoice, ChargeLateCancellation]');
        // Every declared edge of the examples is taken by some rule.
        for (const group of diagram.groups) {
            expect(group.edges.filter(e => e.labels.length === 0).map(e => e.id)).toEqual([]);
        }
    });

    it('narrows where a rule starts from requires: =, in, !=, not in, or, a derived field, a state-change trigger; and shows undeclared moves', async () => {
        const set = await specSetOf({
            'items.allium': `-- allium: 3
entity Item {
    status: draft | active | suspended | archived
    is_live: status = active
    transitions status {
        draft -> active
        suspended -> active
        active -> suspended
        active -> archived
        suspended -> archived
        terminal: archived
    }
}
rule Activate {
    when: Activate(item)
    requires: item.status in {draft, suspended}
    ensures: item.status = active
}
rule Suspend {
    when: Suspend(item)
    requires: item.is_live
    ensures: item.status = suspended
}
rule Archive {
    when: Archive(item)
    requires: item.status != draft and item.status != archived
    ensures: item.status = archived
}
rule Revive {
    when: Revive(item)
    requires: item.status = archived or item.status = suspended
    ensures: item.status = draft
}
rule Reactivated {
    when: item: Item.status transitions_to active
    ensures: item.status = suspended
}
rule AnyToArchived {
    when: Purge(item)
    ensures: item.status = archived
}
`
        });
        const [item] = buildDiagram(set.services, set.modules, 'states').groups;
        expect(edgesOf(item)).toEqual([
            'active -> archived [Archive, AnyToArchived]',
            'active -> suspended [Suspend, Reactivated]',
            'archived -> draft [Revive] undeclared',
            'draft -> active [Activate]',
            'suspended -> active [Activate]',
            'suspended -> archived [Archive, AnyToArchived]',
            'suspended -> draft [Revive] undeclared'
        ]);
    });

    it('takes rules of an importing set: a rule in one file moving an entity of another', async () => {
        const set = await specSetOf({
            'core.allium': '-- allium: 3\nentity Door {\n    state: open | shut\n    transitions state {\n        open -> shut\n        shut -> open\n    }\n}\n',
            'ops.allium': '-- allium: 3\nuse "./core.allium" as core\nrule Close {\n    when: Close(door: core/Door)\n    requires: door.state = open\n    ensures: door.state = shut\n}\n'
        });
        const door = buildDiagram(set.services, set.modules, 'states').groups.find(g => g.title === 'Door.state')!;
        expect(edgesOf(door)).toEqual(['open -> shut [Close]', 'shut -> open []']);
    });
});

describe('event flow', () => {
    it('follows examples/orders across use: surfaces provide, rules listen and emit, conditions start rules', async () => {
        const set = await specSetOnDisk('examples/orders/orders.allium');
        const [flow] = buildDiagram(set.services, set.modules, 'flow').groups;
        const edges = flow.edges.map(e => `${e.from} ${e.kind} ${e.to}`);
        expect(edges).toEqual(expect.arrayContaining([
            'surface:orders::Warehouse provides trigger:orders::ShipOrder',
            'trigger:orders::ShipOrder triggers rule:orders::ShipOrder',
            'surface:orders::OrderTracking provides trigger:orders::PayOrder',
            'rule:orders::PayOrder emits trigger:payments::AuthorisePayment',
            'trigger:payments::AuthorisePayment triggers rule:payments::AuthorisePayment',
            'surface:payments::Backoffice provides trigger:payments::CapturePayment',
            'condition:rule:orders::CancelUnpaidOrder triggers rule:orders::CancelUnpaidOrder'
        ]));
        expect(new Set(edges).size).toBe(edges.length);
        const condition = flow.nodes.find(n => n.kind === 'condition')!;
        expect(condition.label).toBe('Order.placed_at + config.payment_timeout <= now');
        expect(textAt(flow.edges.find(e => e.kind === 'emits')!.target)).toBe('payments/AuthorisePayment(order_ref: order.customer.email, amount: order.total)');
        // A trigger opens where its rule listens to it: the rule in the imported file.
        const trigger = flow.nodes.find(n => n.id === 'trigger:payments::AuthorisePayment')!;
        expect(trigger.target!.uri).toMatch(/payments\.allium$/);
        expect(textAt(trigger.target)).toBe('AuthorisePayment(order_ref, amount)');
        expect(textAt(flow.nodes.find(n => n.id === 'rule:orders::ShipOrder')!.target)).toBe('ShipOrder');
    });

    it('chains rules through emitted triggers in the clinic set, and ignores calls that build values or read types', async () => {
        const set = await specSetOnDisk(...CLINIC);
        const [flow] = buildDiagram(set.services, set.modules, 'flow').groups;
        const ids = new Set(flow.nodes.map(n => n.id));
        for (const edge of flow.edges) {
            expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
        }
        const declared = (keyword: string) => CLINIC.flatMap(f => readFileSync(path.resolve(REPO, f), 'utf8').match(new RegExp(`^${keyword} \\w+`, 'gm')) ?? []).length;
        expect(flow.nodes.filter(n => n.kind === 'rule')).toHaveLength(declared('rule'));
        expect(flow.nodes.filter(n => n.kind === 'surface')).toHaveLength(declared('surface'));
        // Every trigger a surface provides reaches a rule in some file of the set.
        const listened = new Set(flow.edges.filter(e => e.kind === 'triggers').map(e => e.from));
        const provided = flow.edges.filter(e => e.kind === 'provides').map(e => e.to);
        expect(provided.filter(t => !listened.has(t))).toEqual([]);
    });

    it('joins a trigger an imported file emits to the importer\'s listener of that name, as the checker\'s reachability does', async () => {
        const set = await specSetOf(TRIGGER_ACROSS_USE, ['main.allium']);
        const [flow] = buildDiagram(set.services, set.modules, 'flow').groups;
        expect(flow.nodes.filter(n => n.label === 'Pinged').map(n => n.id)).toEqual(['trigger:main::Pinged']);
        expect(flow.edges.map(e => e.id)).toEqual(expect.arrayContaining([
            'rule:support::Escalate->trigger:main::Pinged', 'trigger:main::Pinged->rule:main::HandlePing'
        ]));
    });

    it('keeps a value constructor and a creation out of the triggers', async () => {
        const set = await specSetOf({
            'm.allium': `-- allium: 3
value Money {
    amount: Decimal
}
entity Sale {
    price: Money
}
rule Sell {
    when: Sell(amount)
    ensures:
        Sale.created(price: Money(amount: amount))
        Notify(amount: amount)
}
rule OnNotify {
    when: Notify(amount)
    ensures: Logged(amount: amount)
}
`
        });
        const [flow] = buildDiagram(set.services, set.modules, 'flow').groups;
        expect(flow.nodes.filter(n => n.kind === 'trigger').map(n => n.label).sort()).toEqual(['Logged', 'Notify', 'Sell']);
        expect(flow.edges.map(e => e.id).sort()).toEqual([
            'rule:m::OnNotify->trigger:m::Logged', 'rule:m::Sell->trigger:m::Notify', 'trigger:m::Notify->rule:m::OnNotify', 'trigger:m::Sell->rule:m::Sell'
        ]);
    });
});
