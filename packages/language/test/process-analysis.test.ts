import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllium, processFindings, type Module, type ProcessFinding } from '../src/index.js';

// Each fixture is a small spec written to show one finding; `npm run parity:commands` also runs them through the
// reference `allium analyse`, which reports the same findings, key for key.
const FIXTURES = path.join(__dirname, 'fixtures', 'analysis');

async function analyse(fixture: string): Promise<ProcessFinding[]> {
    const { document } = await parseAllium(readFileSync(path.join(FIXTURES, fixture), 'utf8'));
    return processFindings(document.parseResult.value as Module);
}

async function analyseText(text: string): Promise<ProcessFinding[]> {
    const { document } = await parseAllium(`-- allium: 3\n${text}`);
    return processFindings(document.parseResult.value as Module);
}

describe('process analysis', () => {
    it('finds nothing in a lifecycle whose every transition a provided rule can take', async () => {
        expect(await analyse('clean.allium')).toEqual([]);
    });

    it('reports a transition whose only rule requires a field nothing sets, with what it searched', async () => {
        const findings = await analyse('dead.allium');
        expect(findings.map(f => f.type)).toEqual(['dead_transition', 'deadlock', 'missing_producer']);
        const noProducer = [
            { kind: 'rule_ensures', found: false },
            { kind: 'surface_provides', found: false },
            { kind: 'created_calls', found: false }
        ];
        expect(findings[0]).toEqual({
            type: 'dead_transition',
            summary: "Transition 'pending' → 'shipped' on entity 'Order' is declared but unachievable",
            edge: { entity: 'Order', from: 'pending', to: 'shipped' },
            witnessing_rules: ['ShipOrder'],
            unsatisfiable_requires: [{ entity: 'Order', field: 'paid', value: 'true', searched: noProducer }],
            affected_entities: ['Order']
        });
        expect(findings[2]).toEqual({
            type: 'missing_producer',
            summary: 'Nothing establishes Order.paid = true',
            requires: { rule: 'ShipOrder', field: 'paid', value: 'true' },
            searched: noProducer,
            affected_entities: ['Order']
        });
        // With its only way out dead, pending is stuck too: the blocked edge says why.
        expect(findings[1]).toMatchObject({ state: 'pending', outbound_edges: [{ from: 'pending', to: 'shipped', reason: 'rule ShipOrder requires Order.paid = true, never established' }], cycle: null });
    });

    it('counts a field a rule sets as produced, naming the rule', async () => {
        const findings = await analyseText(`
entity Order {
    status: pending | shipped
    paid: Boolean
}
surface Desk {
    provides:
        Ship(order)
}
rule ShipOrder {
    when: Ship(order)
    requires: order.paid = true
    requires: order.status = pending
    ensures: order.status = shipped
}
rule Pay {
    when: Paid(order)
    ensures: order.paid = true
}`);
        // Pay sets Order.paid, so nothing is missing; but nothing provides Paid.
        expect(findings.map(f => f.type)).toEqual(['unreachable_trigger']);
    });

    it('reports a state with no way out to a terminal state, and the cycle it is caught in', async () => {
        expect(await analyse('deadlock.allium')).toEqual([{
            type: 'deadlock',
            summary: "Entity 'Order' can reach state 'held' but has no achievable path to any terminal state",
            state: 'held',
            outbound_edges: [],
            cycle: null,
            affected_entities: ['Order']
        }]);
        const cycle = await analyse('deadlock-cycle.allium');
        expect(cycle.map(f => f.type === 'deadlock' && [f.state, f.cycle, f.outbound_edges.map(e => `${e.to}: ${e.reason}`)])).toEqual([
            ['open', ['open', 'waiting', 'open'], ['waiting: no achievable witnessing rule']],
            ['waiting', ['waiting', 'open', 'waiting'], ['open: no achievable witnessing rule', 'closed: no witnessing rule']]
        ]);
    });

    it('reports a trigger no surface provides and no rule emits, with the rules listening for it', async () => {
        expect(await analyse('unreachable.allium')).toEqual([{
            type: 'unreachable_trigger',
            summary: "Trigger 'Cancel' is not provided by any surface",
            trigger: 'Cancel',
            listening_rules: ['CancelOrder'],
            surfaces_checked: [],
            affected_entities: []
        }]);
    });

    it('counts a trigger another rule emits as reachable', async () => {
        expect(await analyseText(`
entity Order {
    status: pending | cancelled
}
surface Desk {
    provides:
        Refund(order)
}
rule RefundOrder {
    when: Refund(order)
    ensures: Cancel(order)
}
rule CancelOrder {
    when: Cancel(order)
    requires: order.status = pending
    ensures: order.status = cancelled
}`)).toEqual([]);
    });

    it('reports two rules that can fire in one state and set different statuses', async () => {
        expect(await analyse('conflict.allium')).toEqual([{
            type: 'conflict',
            summary: "Rules 'ShipOrder' and 'ExpireOrder' can both fire when entity 'Order' is in state 'pending', setting status to conflicting values",
            rule_a: 'ShipOrder',
            rule_b: 'ExpireOrder',
            field: 'status',
            state: 'pending',
            values: { ShipOrder: 'shipped', ExpireOrder: 'cancelled' },
            affected_entities: ['Order']
        }]);
    });

    it('leaves two rules that each answer a call of their own alone: the caller picks one', async () => {
        const findings = await analyseText(`
entity Order {
    status: pending | shipped | cancelled
}
surface Desk {
    provides:
        Ship(order)
        Cancel(order)
}
rule ShipOrder {
    when: Ship(order)
    requires: order.status = pending
    ensures: order.status = shipped
}
rule CancelOrder {
    when: Cancel(order)
    requires: order.status = pending
    ensures: order.status = cancelled
}`);
        expect(findings.filter(f => f.type === 'conflict')).toEqual([]);
    });

    it('reports a rule that enters the state a uniqueness invariant guards without touching the key, not one that does', async () => {
        expect(await analyse('invariant.allium')).toEqual([{
            type: 'invariant_risk',
            summary: "Rule 'BookSlot' could violate invariant 'OneBookingPerRoom'",
            rule: 'BookSlot',
            invariant: 'OneBookingPerRoom',
            mechanism: "Sets Slot.status to 'booked' without preventing concurrent instances",
            guard_analysis: { has_guard: false, needed: 'Rule should set Room.status to prevent concurrent booked states' },
            affected_entities: ['Slot']
        }]);
    });

    it('says nothing about a spec without a status lifecycle', async () => {
        expect(await analyseText(`
entity Note {
    text: String
}
rule Write {
    when: Jot(note)
    ensures: note.text = "x"
}`)).toEqual([]);
    });

    it('orders findings by type, then summary', async () => {
        const findings = await analyse('dead.allium');
        const keys = findings.map(f => `${f.type} ${f.summary}`);
        expect(keys).toEqual([...keys].sort());
    });
});
