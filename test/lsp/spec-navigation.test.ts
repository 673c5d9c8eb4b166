import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf, type Position, type Range } from './corpus.js';

interface Spec { uri: string; text: string }
interface CallHierarchyItem { name: string; uri: string; range: Range; selectionRange: Range; detail?: string }
interface LocationLink { targetUri: string; targetSelectionRange: Range }
interface InlayHint { position: Position; label: Array<{ value: string; location?: { uri: string } }> }
interface SignatureHelp { signatures: Array<{ label: string; parameters: Array<{ label: [number, number] }>; documentation?: { value: string } }>; activeParameter: number }
interface SelectionRange { range: Range; parent?: SelectionRange }

const ORDERS_DIR = path.resolve(__dirname, '../../examples/orders');

function example(name: string): Spec {
    const file = path.join(ORDERS_DIR, name);
    return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
}

const ORDERS = example('orders.allium');
const PAYMENTS = example('payments.allium');
// Open in the editor beside the example set, never saved: refunds through payments' entities and contract.
const REFUNDS: Spec = {
    uri: pathToFileURL(path.join(ORDERS_DIR, 'refunds.allium')).href,
    text: `-- allium: 3
use "./payments.allium" as payments

entity Refund {
    payment: payments/Payment
    reason: String
}

rule IssueRefund {
    when: IssueRefund(refund)
    requires: refund.payment.status = captured
    ensures:
        let charge = payments/PaymentGateway.authorise(amount: refund.payment.amount, reference: refund.reason)
        let paid = refund.payment
        payments/RefundPayment(paid)
        RefundIssued(refund)
}
`
};
// A file importing refunds.allium listens to a trigger refunds.allium emits, each writing it unqualified.
const NOTICES: Spec = {
    uri: pathToFileURL(path.join(ORDERS_DIR, 'notices.allium')).href,
    text: '-- allium: 3\nuse "./refunds.allium" as refunds\n\nrule NotifyRefund {\n    when: RefundIssued(refund)\n    ensures: refund.reason = "notified"\n}\n'
};

/** The text a range covers. */
function textOf(spec: Spec, range: Range): string {
    const lines = spec.text.split('\n');
    const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return spec.text.slice(offset(range.start), offset(range.end));
}

function at(spec: Spec, needle: string, offset = 0, nth = 0) {
    return { textDocument: { uri: spec.uri }, position: positionOf(spec.text, needle, offset, nth) };
}

describe('navigation over the orders example set', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(ORDERS_DIR);
        for (const spec of [ORDERS, PAYMENTS, REFUNDS, NOTICES]) {
            await client.open(spec.uri, spec.text);
        }
        await Promise.all([ORDERS, PAYMENTS, REFUNDS, NOTICES].map(s => client.diagnosticsFor(s.uri)));
    });

    afterAll(() => client.dispose());

    const prepare = (spec: Spec, needle: string, offset = 0) => client.request<CallHierarchyItem[] | null>('textDocument/prepareCallHierarchy', at(spec, needle, offset));
    const incoming = async (item: CallHierarchyItem) => (await client.request<Array<{ from: CallHierarchyItem; fromRanges: Range[] }>>('callHierarchy/incomingCalls', { item }))
        .map(c => ({ name: c.from.name, file: path.basename(c.from.uri), calls: c.fromRanges.map(r => r.start) }));
    const outgoing = async (item: CallHierarchyItem) => (await client.request<Array<{ to: CallHierarchyItem; fromRanges: Range[] }>>('callHierarchy/outgoingCalls', { item }))
        .map(c => ({ name: c.to.name, file: path.basename(c.to.uri), calls: c.fromRanges.map(r => r.start) }));

    describe('call hierarchy over triggers', () => {
        it('calls a rule from the surface providing its trigger, and from it the rule of the trigger it emits in another file', async () => {
            const [payOrder] = (await prepare(ORDERS, 'rule PayOrder', 6))!;
            expect(payOrder).toMatchObject({ name: 'PayOrder', uri: ORDERS.uri, selectionRange: { start: positionOf(ORDERS.text, 'PayOrder {') } });
            expect(await incoming(payOrder)).toEqual([{ name: 'OrderTracking', file: 'orders.allium', calls: [positionOf(ORDERS.text, 'PayOrder(order) when')] }]);
            expect(await outgoing(payOrder)).toEqual([{ name: 'AuthorisePayment', file: 'payments.allium', calls: [positionOf(ORDERS.text, 'payments/AuthorisePayment(')] }]);
        });

        it('finds the rule emitting a trigger from the file it imports, and every rule a surface provides for', async () => {
            const [authorise] = (await prepare(PAYMENTS, 'rule AuthorisePayment', 6))!;
            expect(await incoming(authorise)).toEqual([{ name: 'PayOrder', file: 'orders.allium', calls: [positionOf(ORDERS.text, 'payments/AuthorisePayment(')] }]);
            const [warehouse] = (await prepare(ORDERS, 'surface Warehouse', 9))!;
            expect(warehouse.detail).toContain('surface');
            expect((await outgoing(warehouse)).map(c => c.name)).toEqual(['PlaceOrder', 'ShipOrder']);
            expect(await incoming(warehouse)).toEqual([]);
        });

        it('starts from a trigger written in a call at the rules it fires, and from a file outside the set\'s own files', async () => {
            expect((await prepare(ORDERS, 'ConfirmDelivery(order) when', 3))!.map(i => [i.name, path.basename(i.uri)])).toEqual([['ConfirmDelivery', 'orders.allium']]);
            const [refund] = (await prepare(REFUNDS, 'payments/RefundPayment(', 10))!;
            expect([refund.name, path.basename(refund.uri)]).toEqual(['RefundPayment', 'payments.allium']);
            expect((await incoming(refund)).map(c => [c.name, c.file])).toEqual([['Backoffice', 'payments.allium'], ['IssueRefund', 'refunds.allium']]);
            expect(await prepare(ORDERS, 'requires: order.status = pending', 12)).toBeNull();
        });

        it('joins a trigger by its name across files use joins, and not a trigger of the same name elsewhere', async () => {
            const elsewhere = 'file:///elsewhere/other.allium';
            await client.open(elsewhere, '-- allium: 3\nrule Unrelated {\n    when: RefundIssued(refund)\n    ensures: refund.done = true\n}\n');
            await client.diagnosticsFor(elsewhere);
            const [issue] = (await prepare(REFUNDS, 'rule IssueRefund', 6))!;
            expect((await outgoing(issue)).map(c => [c.name, c.file])).toEqual([['RefundPayment', 'payments.allium'], ['NotifyRefund', 'notices.allium']]);
            const [notify] = (await prepare(NOTICES, 'rule NotifyRefund', 6))!;
            expect(await incoming(notify)).toEqual([{ name: 'IssueRefund', file: 'refunds.allium', calls: [positionOf(REFUNDS.text, 'RefundIssued(refund)')] }]);
        });
    });

    describe('type definition', () => {
        const typeOf = async (spec: Spec, needle: string, offset: number) => (await client.request<LocationLink[] | null>('textDocument/typeDefinition', at(spec, needle, offset)))
            ?.map(l => `${path.basename(l.targetUri)}:${textOf(l.targetUri === spec.uri ? spec : l.targetUri === PAYMENTS.uri ? PAYMENTS : ORDERS, l.targetSelectionRange)}`);

        it('goes from a binding, a trigger parameter and a `for` variable to the entity they stand for', async () => {
            expect(await typeOf(ORDERS, 'order.status = paid', 2)).toEqual(['orders.allium:Order']);
            expect(await typeOf(ORDERS, 'when: ShipOrder(order', 17)).toEqual(['orders.allium:Order']);
            expect(await typeOf(ORDERS, 'for o in Orders', 4)).toEqual(['orders.allium:Order']);
            expect(await typeOf(ORDERS, 'facing clerk: Customer', 8)).toEqual(['orders.allium:Customer']);
        });

        it('goes from a field, where declared or reached through a binding, to its type, across files', async () => {
            expect(await typeOf(ORDERS, '    customer: Customer\n    total', 6)).toEqual(['orders.allium:Customer']);
            expect(await typeOf(ORDERS, 'order.customer.email', 8)).toEqual(['orders.allium:Customer']);
            expect(await typeOf(ORDERS, 'address: Address', 2)).toEqual(['orders.allium:Address']);
            expect(await typeOf(REFUNDS, 'refund.payment.status', 9)).toEqual(['payments.allium:Payment']);
        });

        it('has nothing to go to where a value has no declared type', async () => {
            expect(await typeOf(ORDERS, 'email: String', 2)).toBeUndefined();
            expect(await typeOf(ORDERS, 'config.payment_timeout', 2)).toBeUndefined();
        });
    });

    describe('inlay hints', () => {
        const hints = async (spec: Spec) => (await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: spec.uri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } }))
            .map(h => ({ at: h.position, label: h.label.map(p => p.value).join(''), linked: h.label.some(p => p.location !== undefined) }));

        it('are off until the setting turns them on, then show the types of trigger parameters and bindings', async () => {
            expect(await hints(ORDERS)).toEqual([]);
            await client.notify('workspace/didChangeConfiguration', { settings: { allium: { inlayHints: { enabled: true } } } });
            await expect.poll(async () => (await hints(ORDERS)).length).toBeGreaterThan(0);
            const shown = await hints(ORDERS);
            expect(shown).toContainEqual({ at: positionOf(ORDERS.text, 'ShipOrder(order, tracking_number)', 15), label: ': Order', linked: true });
            expect(shown).toContainEqual({ at: positionOf(ORDERS.text, 'PlaceOrder(customer,', 19), label: ': Customer', linked: true });
            expect(shown).toContainEqual({ at: positionOf(ORDERS.text, 'for o in', 5), label: ': Order', linked: true });
            // Nothing says what a tracking number is, and a surface's `context order: Order` says it already.
            expect(shown.map(h => h.at)).not.toContainEqual(positionOf(ORDERS.text, 'ShipOrder(order, tracking_number)', 32));
            expect(shown.map(h => h.at.line)).not.toContain(positionOf(ORDERS.text, 'context order: Order').line);
            expect(await hints(REFUNDS)).toContainEqual({ at: positionOf(REFUNDS.text, 'let paid', 8), label: ': Payment', linked: true });

            await client.notify('workspace/didChangeConfiguration', { settings: { allium: { inlayHints: { enabled: false } } } });
            await expect.poll(() => hints(ORDERS)).toEqual([]);
        });
    });

    describe('signature help', () => {
        const help = (spec: Spec, needle: string, offset: number, nth = 0) => client.request<SignatureHelp | null>('textDocument/signatureHelp', at(spec, needle, offset, nth));
        const active = (h: SignatureHelp) => h.signatures[0].label.slice(...h.signatures[0].parameters[h.activeParameter].label);

        it('lists the fields `.created(...)` gives, with their types, the one being written active', async () => {
            const shown = (await help(ORDERS, 'total: total, carrier', 3))!;
            expect(shown.signatures[0].label).toMatch(/^Order\.created\(customer: Customer, total: Decimal, carrier: Carrier, placed_at: Timestamp, status: pending \| paid/);
            expect(shown.signatures[0].label).not.toContain('orders:');
            expect(active(shown)).toBe('total: Decimal');
            expect(active((await help(ORDERS, 'status: pending)', 15))!)).toMatch(/^status: pending \| paid/);
        });

        it('shows the parameters of the rule a trigger call fires, in another file, with the rule\'s guidance', async () => {
            const shown = (await help(ORDERS, 'amount: order.total', 3))!;
            expect(shown.signatures[0].label).toBe('payments/AuthorisePayment(order_ref, amount)');
            expect(active(shown)).toBe('amount');
            const provided = (await help(ORDERS, 'ShipOrder(order, tracking_number)', 10, 1))!;
            expect(provided.signatures[0].label).toBe('ShipOrder(order: Order, tracking_number)');
            expect(provided.signatures[0].documentation?.value).toContain('Reserve stock before handing over to the carrier.');
            expect(active(provided)).toBe('order: Order');
        });

        it('shows a contract operation\'s parameters and result, with the contract\'s guidance', async () => {
            const shown = (await help(REFUNDS, 'reference: refund.reason', 2))!;
            expect(shown.signatures[0].label).toBe('payments/PaymentGateway.authorise(amount: Decimal, reference: String) -> Payment');
            expect(active(shown)).toBe('reference: String');
            expect(shown.signatures[0].documentation?.value).toContain('idempotency key');
        });

        it('helps while a call is still being typed, and not outside calls', async () => {
            const uri = pathToFileURL(path.join(ORDERS_DIR, 'typing.allium')).href;
            // As editors type it, the closing parenthesis auto-inserted. (Without it the reference's greedy reading, which
            // the recovery follows, runs the call into the rule's `}` and drops the rule still open at the end of the file.)
            const text = '-- allium: 3\nuse "./orders.allium" as orders\n\nrule Reorder {\n    when: Reorder(customer)\n    ensures: orders/Order.created(customer: customer, total: )\n}\n';
            await client.open(uri, text);
            await client.diagnosticsFor(uri);
            const shown = (await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: positionOf(text, 'customer, ', 10) }))!;
            expect(shown.signatures[0].label).toMatch(/^orders\/Order\.created\(customer: Customer, total: Decimal/);
            expect(shown.activeParameter).toBe(1);
            const named = (await client.request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: positionOf(text, 'total: ', 7) }))!;
            expect(active(named)).toBe('total: Decimal');
            expect(await help(ORDERS, 'ensures: Order.created(', 9)).toBeNull();
            expect(await help(ORDERS, 'requires: order.status = paid', 12)).toBeNull();
        });
    });

    describe('selection ranges', () => {
        const steps = async (spec: Spec, needle: string, offset: number) => {
            const [range] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: spec.uri }, positions: [positionOf(spec.text, needle, offset)] });
            const texts: string[] = [];
            for (let current: SelectionRange | undefined = range; current; current = current.parent) {
                texts.push(textOf(spec, current.range));
            }
            return texts;
        };

        it('expands from a name through its expression and clause to the declaration and the file', async () => {
            const texts = await steps(ORDERS, 'ensures: order.status = paid', 17);
            expect(texts.slice(0, 4)).toEqual(['status', 'order.status', 'order.status = paid', 'ensures: order.status = paid']);
            expect(texts[4]).toMatch(/^rule PayOrder \{[\s\S]*\}$/);
            expect(texts.at(-1)).toMatch(/^use "\.\/payments\.allium" as payments[\s\S]*different warehouses\?"$/);
        });

        it('stops at an indented block between an expression and its clause, never running into the next line', async () => {
            const texts = await steps(ORDERS, 'order.tracking_number = tracking_number', 30);
            expect(texts.slice(0, 4)).toEqual(['tracking_number', 'order.tracking_number = tracking_number',
                'order.status = shipped\n        order.tracking_number = tracking_number',
                'ensures:\n        order.status = shipped\n        order.tracking_number = tracking_number']);
            for (let i = 1; i < texts.length; i++) {
                expect(texts[i].length).toBeGreaterThan(texts[i - 1].length);
                expect(texts[i]).toContain(texts[i - 1]);
            }
        });
    });

    describe('linked editing', () => {
        const linked = async (spec: Spec, needle: string, offset: number) =>
            (await client.request<{ ranges: Range[]; wordPattern: string } | null>('textDocument/linkedEditingRange', at(spec, needle, offset)))?.ranges.map(r => r.start);

        it('links a trigger parameter to its uses in the rule, and nothing in other rules', async () => {
            const rule = ORDERS.text.indexOf('rule PayOrder');
            const inRule = [...ORDERS.text.slice(rule, ORDERS.text.indexOf('rule CancelUnpaidOrder')).matchAll(/\border\b/g)]
                .map(m => positionOf(ORDERS.text, 'rule PayOrder', m.index));
            expect(inRule).toHaveLength(5);
            expect(await linked(ORDERS, 'requires: order.status = pending', 12)).toEqual(inRule);
            expect(await linked(ORDERS, 'when: PayOrder(order)', 16)).toEqual(inRule);
        });

        it('links a `for` variable and a surface binding within their declaration, and leaves fields and types to rename', async () => {
            expect(await linked(ORDERS, 'for o in Orders', 4)).toEqual([positionOf(ORDERS.text, 'for o in', 4), positionOf(ORDERS.text, 'o.status = delivered'), positionOf(ORDERS.text, 'o.tracking_number != null')]);
            expect(await linked(ORDERS, 'facing shopper', 8)).toEqual([positionOf(ORDERS.text, 'facing shopper', 7), positionOf(ORDERS.text, 'customer = shopper', 11)]);
            expect(await linked(ORDERS, 'ensures: order.status = paid', 16)).toBeUndefined();
            expect(await linked(ORDERS, 'entity Order {', 8)).toBeUndefined();
        });
    });
});

describe('call hierarchy over entity events in the clinic example set', () => {
    const CLINIC = path.resolve(__dirname, '../../examples/clinic');
    const spec = (name: string): Spec => {
        const file = path.join(CLINIC, name);
        return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
    };
    const [CORE, SCHEDULING, REMINDERS] = ['core.allium', 'scheduling.allium', 'reminders.allium'].map(spec);
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(CLINIC);
        // The folder's other files are indexed without being opened.
        await client.open(REMINDERS.uri, REMINDERS.text);
        await client.diagnosticsFor(REMINDERS.uri);
    });

    afterAll(() => client.dispose());

    const item = async (of: Spec, needle: string, offset: number) => {
        const items = await client.request<CallHierarchyItem[] | null>('textDocument/prepareCallHierarchy', at(of, needle, offset));
        expect(items).toHaveLength(1);
        return items![0];
    };
    const calls = async (method: 'incomingCalls' | 'outgoingCalls', of: CallHierarchyItem) =>
        (await client.request<Array<{ from?: CallHierarchyItem; to?: CallHierarchyItem; fromRanges: Range[] }>>(`callHierarchy/${method}`, { item: of }))
            .map(c => ({ name: (c.from ?? c.to)!.name, file: path.basename((c.from ?? c.to)!.uri), calls: c.fromRanges.map(r => r.start) }));

    it('calls a rule listening to an entity\'s creation from the rule that creates it', async () => {
        await expect.poll(async () => (await client.request<CallHierarchyItem[] | null>('textDocument/prepareCallHierarchy', at(CORE, 'rule StartAsSelfPay', 6)))?.length).toBe(1);
        const startAsSelfPay = await item(CORE, 'rule StartAsSelfPay', 6);
        expect(await calls('incomingCalls', startAsSelfPay)).toEqual([{ name: 'RegisterPatient', file: 'core.allium', calls: [positionOf(CORE.text, 'ensures: Patient.created(', 17)] }]);
        const register = await item(CORE, 'rule RegisterPatient', 6);
        expect((await calls('outgoingCalls', register)).map(c => c.name)).toContain('StartAsSelfPay');
    });

    it('calls a rule watching a field reach a value from the rules setting it, across files neither imports', async () => {
        const suppress = await item(REMINDERS, 'rule SuppressReminderOnCancellation', 6);
        expect(await calls('incomingCalls', suppress)).toEqual([
            { name: 'PatientCancelsAppointment', file: 'scheduling.allium', calls: [positionOf(SCHEDULING.text, 'appointment.status = cancelled', 12)] },
            { name: 'ClinicCancelsAppointment', file: 'scheduling.allium', calls: [positionOf(SCHEDULING.text, 'appointment.status = cancelled', 12, 1)] }
        ]);
        const [patientCancels] = (await client.request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', at(SCHEDULING, 'rule PatientCancelsAppointment', 6)))!;
        expect((await calls('outgoingCalls', patientCancels)).map(c => `${c.name} ${c.file}`).sort()).toEqual(['ChargeLateCancellation billing.allium', 'SuppressReminderOnCancellation reminders.allium']);
        // A condition on the same field is no transition.
        expect((await calls('outgoingCalls', patientCancels)).flatMap(c => c.calls)).not.toContainEqual(positionOf(SCHEDULING.text, 'appointment.status = booked', 12));
    });
});
