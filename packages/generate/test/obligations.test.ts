import { describe, expect, it } from 'vitest';
import { alliumServices, parseAllium } from '@allium/language';
import { obligationsOf, type Obligation } from '../src/index.js';

// Expected ids and categories were confirmed with the reference `allium plan` 3.5.3 on these specs.
async function plan(text: string): Promise<Obligation[]> {
    const { document } = await parseAllium(text);
    return obligationsOf(document.parseResult.value, alliumServices(), { dependencies: true });
}

const rows = (obligations: Obligation[]) => obligations.map(o => [o.id, o.category, o.owner]);
const byId = (obligations: Obligation[], id: string) => obligations.find(o => o.id === id);

const ORDERS = `-- allium: 3

config {
    payment_timeout: Duration = 30.minutes
}

enum Priority { low | high }

value Money {
    amount: Decimal
}

entity Order {
    customer: Customer
    status: pending | paid | shipped | cancelled
    note: String?
    tracking: String when status = shipped
    lines: OrderLine with order = this
    open_lines: lines where status = open
    is_paid: status = paid

    transitions status {
        pending -> paid
        paid -> shipped
        pending -> cancelled
        terminal: shipped, cancelled
    }

    invariant HasCustomer { this.customer != null }
}

entity Customer {
    email: String
}

entity OrderLine {
    order: Order
    status: open | closed
}

variant Rush : Order {
    deadline: Timestamp
}

rule Pay {
    when: PayOrder(order)
    requires: order.status = pending
    requires: order.lines.count > 0
    ensures: order.status = paid
    ensures: Receipt.created(order: order)
}

rule Ship {
    when: ShipOrder(order, code)
    requires: order.status = paid
    ensures:
        order.status = shipped
        order.tracking = code
}

rule Expire {
    when: order: Order.placed_at + config.payment_timeout <= now
    requires: order.status = pending
    ensures: order.status = cancelled
}

invariant PaidHaveLines {
    for order in Orders where status = paid:
        order.lines.count > 0
}

contract Payments {
    charge: (order: Order) -> Money
}

surface Checkout {
    facing customer: Customer
    context order: Order
    exposes:
        order.status
    provides: PayOrder(order) when order.status = pending
}
`;

const PARCELS = `-- allium: 3

entity Parcel {
    status: held | released
    hold_reason: String when status = held

    transitions status {
        held -> released
    }
}

rule Release {
    when: ReleaseParcel(parcel)
    requires: parcel.status = held
    ensures:
        parcel.status = released
        ParcelReleased(parcel: parcel)
}

rule Notify {
    when: ParcelReleased(parcel)
    ensures: Email.created(about: parcel)
}

rule Audit {
    when: Parcel.created()
    ensures: Logged(what: created)
}
`;

describe('obligationsOf', () => {
    it('lists every obligation of a spec with the reference ids and categories, in its order, each owned by its declaration', async () => {
        expect(rows(await plan(ORDERS))).toEqual([
            ['config-default.payment_timeout', 'config_default', 'config'],
            ['enum-comparable.Priority', 'enum_comparable', 'enum:Priority'],
            ['value-equality.Money', 'value_equality', 'value:Money'],
            ['entity-fields.Money', 'entity_fields', 'value:Money'],
            ['when-presence.Order.tracking', 'when_presence', 'entity:Order'],
            ['transition-edge.Order.pending.paid', 'transition_edge', 'entity:Order'],
            ['transition-edge.Order.paid.shipped', 'transition_edge', 'entity:Order'],
            ['transition-edge.Order.pending.cancelled', 'transition_edge', 'entity:Order'],
            ['transition-rejected.Order.status', 'transition_rejected', 'entity:Order'],
            ['transition-terminal.Order.status', 'transition_terminal', 'entity:Order'],
            ['invariant.Order.HasCustomer', 'invariant', 'entity:Order'],
            ['entity-fields.Order', 'entity_fields', 'entity:Order'],
            ['entity-optional.Order.note', 'entity_optional', 'entity:Order'],
            ['entity-relationship.Order.lines', 'entity_relationship', 'entity:Order'],
            ['projection.Order.open_lines', 'projection', 'entity:Order'],
            ['derived.Order.is_paid', 'derived', 'entity:Order'],
            ['entity-fields.Customer', 'entity_fields', 'entity:Customer'],
            ['entity-fields.OrderLine', 'entity_fields', 'entity:OrderLine'],
            ['sum-type-variant.Rush', 'sum_type_variant', 'variant:Rush'],
            ['rule-success.Pay', 'rule_success', 'rule:Pay'],
            ['rule-failure.Pay.1', 'rule_failure', 'rule:Pay'],
            ['rule-failure.Pay.2', 'rule_failure', 'rule:Pay'],
            ['rule-entity-creation.Pay.1', 'rule_entity_creation', 'rule:Pay'],
            ['rule-success.Ship', 'rule_success', 'rule:Ship'],
            ['rule-failure.Ship.1', 'rule_failure', 'rule:Ship'],
            ['rule-success.Expire', 'rule_success', 'rule:Expire'],
            ['temporal.Expire', 'temporal', 'rule:Expire'],
            ['rule-failure.Expire.1', 'rule_failure', 'rule:Expire'],
            ['invariant.PaidHaveLines', 'invariant', 'invariant:PaidHaveLines'],
            ['contract-signature.Payments.charge', 'contract_signature', 'contract:Payments'],
            ['surface-actor.Checkout', 'surface_actor', 'surface:Checkout'],
            ['surface-exposure.Checkout', 'surface_exposure', 'surface:Checkout'],
            ['surface-provides.Checkout', 'surface_provides', 'surface:Checkout'],
            ['when-set.Ship.Order.tracking', 'when_set', 'rule:Ship']
        ]);
    });

    it('gives constructs, spans, details and invariant expressions as the reference does', async () => {
        const obligations = await plan(ORDERS);
        const requires = byId(obligations, 'rule-failure.Pay.2')!;
        expect(ORDERS.slice(requires.span.start, requires.span.end)).toBe('requires: order.lines.count > 0');
        expect(byId(obligations, 'config-default.payment_timeout')).toMatchObject({ construct: 'config.payment_timeout' });
        expect(byId(obligations, 'transition-terminal.Order.status')).toMatchObject({
            construct: 'Order.status', detail: { entity: 'Order', field: 'status', states: ['shipped', 'cancelled'] }
        });
        expect(byId(obligations, 'entity-fields.Order')?.detail).toEqual({ fields: ['customer', 'status', 'note', 'tracking', 'lines', 'open_lines', 'is_paid'] });
        expect(byId(obligations, 'surface-exposure.Checkout')?.detail).toEqual({ items: ['status'], surface: 'Checkout' });
        expect(byId(obligations, 'invariant.PaidHaveLines')?.expression).toBe('for order in Orders where status = paid:\n        order.lines.count > 0');
        expect(byId(obligations, 'when-set.Ship.Order.tracking')?.detail).toEqual({
            entity: 'Order', field: 'tracking', qualifying_states: ['shipped'], rule: 'Ship', source_state: 'paid', target_state: 'shipped'
        });
    });

    it('clears a when field when a rule leaves its states, and tells what each rule touches and what fires it', async () => {
        const obligations = await plan(PARCELS);
        expect(rows(obligations.filter(o => o.owner.startsWith('rule:')))).toEqual([
            ['rule-success.Release', 'rule_success', 'rule:Release'],
            ['rule-failure.Release.1', 'rule_failure', 'rule:Release'],
            ['rule-success.Notify', 'rule_success', 'rule:Notify'],
            ['rule-entity-creation.Notify.1', 'rule_entity_creation', 'rule:Notify'],
            ['rule-success.Audit', 'rule_success', 'rule:Audit'],
            ['rule-entity-creation.Audit.1', 'rule_entity_creation', 'rule:Audit'],
            ['when-clear.Release.Parcel.hold_reason', 'when_clear', 'rule:Release']
        ]);
        expect(byId(obligations, 'rule-success.Release')?.dependencies).toEqual({
            entities_read: ['Parcel'], entities_written: ['Parcel'], trigger_emissions: ['ParcelReleased'], trigger_source: 'external'
        });
        expect(byId(obligations, 'rule-success.Notify')?.dependencies).toEqual({ entities_created: ['Email'], trigger_source: 'chained' });
        expect(byId(obligations, 'rule-success.Audit')?.dependencies).toEqual({ entities_read: ['Parcel'], trigger_emissions: ['Logged'], trigger_source: 'creation' });
        // Without `terminal:`, no state is promised to be final.
        expect(byId(obligations, 'transition-terminal.Parcel.status')).toBeUndefined();
    });

    it('classifies fields as the reference does: arithmetic and conditions are derived, membership and lookups are not', async () => {
        const obligations = await plan(`-- allium: 3
entity A {
    x: Integer
    y: Integer
    flag: Boolean
    sum: x + y
    negated: not flag
    grouped: (x * y)
    block:
        x > 1
        and y > 1
    member: x in {1, 2}
    fallback: x ?? y
    count: x.count
    known: exists x
    scaled(k): x * k
}`);
        expect(obligations.filter(o => o.category === 'derived').map(o => o.id)).toEqual(['derived.A.sum', 'derived.A.negated', 'derived.A.grouped', 'derived.A.block']);
        expect(byId(obligations, 'entity-fields.A')?.detail?.fields).not.toContain('scaled');
    });

    it('leaves out what the reference leaves out: creations bound by let or under if, moves under for, fieldless entities', async () => {
        const obligations = await plan(`-- allium: 3
external entity Gateway {}
entity Job {
    status: queued | done
    done_at: Timestamp when status = done
    transitions status {
        queued -> done
    }
}
rule Finish {
    when: FinishAll(jobs)
    for job in jobs:
        ensures: job.status = done
    ensures:
        let log = Log.created(at: now)
        if true:
            Report.created(log: log)
}`);
        expect(obligations.map(o => o.id)).toEqual([
            'when-presence.Job.done_at', 'transition-edge.Job.queued.done', 'transition-rejected.Job.status', 'entity-fields.Job', 'rule-success.Finish'
        ]);
    });

    it('recognises deadlines, lists the obligations of a rule in clause order, and ends spans before a closing parenthesis', async () => {
        const text = `-- allium: 3
entity Task {
    due: Timestamp
    status: open | done
}
rule Late {
    when: task: Task.due + 1.day <= now
    ensures: Done()
}
rule Early {
    when: task: now >= Task.due
    ensures: Done()
}
rule Branchy {
    when: Go(task, flag)
    if flag:
        requires: task.status = open
        ensures: Note.created(task: task)
    else:
        requires: (task.status = done or flag)
    requires: flag != null
}
contract Clock {
    now: () -> Timestamp
    zone: String
    tick: (n: Integer)
}`;
        const obligations = await plan(text);
        expect(obligations.map(o => o.id)).toEqual([
            'entity-fields.Task',
            'rule-success.Late', 'temporal.Late',
            'rule-success.Early',
            'rule-success.Branchy', 'rule-failure.Branchy.1', 'rule-entity-creation.Branchy.1', 'rule-failure.Branchy.2', 'rule-failure.Branchy.3',
            'contract-signature.Clock.now', 'contract-signature.Clock.zone', 'contract-signature.Clock.tick'
        ]);
        expect(byId(obligations, 'rule-success.Early')?.dependencies).toEqual({ entities_read: ['Task'], trigger_emissions: ['Done'], trigger_source: 'external' });
        const spanText = (id: string) => { const { span } = byId(obligations, id)!; return text.slice(span.start, span.end); };
        expect(spanText('rule-failure.Branchy.2')).toBe('requires: (task.status = done or flag');
        expect(spanText('contract-signature.Clock.tick')).toBe('tick: (n: Integer');
        expect(spanText('temporal.Late')).toBe('when: task: Task.due + 1.day <= now');
    });

    it('counts as read what a precondition reads of an entity, not a bare existence test of a let binding', async () => {
        const obligations = await plan(`-- allium: 3
entity User {
    email: String
    locked: Boolean
}
rule Known {
    when: SignIn(email)
    let user = User{email: email}
    requires: exists user
    ensures: Welcomed(user: user)
}
rule Fresh {
    when: SignUp(email)
    requires: not exists User{email: email}
    ensures: User.created(email: email, locked: false)
}
rule Unlocked {
    when: SignIn2(email)
    let user = User{email: email}
    requires: not user.locked
    ensures: Welcomed(user: user)
}`);
        expect(obligations.filter(o => o.category === 'rule_success').map(o => [o.id, o.dependencies])).toEqual([
            ['rule-success.Known', { trigger_emissions: ['Welcomed'], trigger_source: 'external' }],
            ['rule-success.Fresh', { entities_created: ['User'], entities_read: ['User'], trigger_source: 'external' }],
            ['rule-success.Unlocked', { entities_read: ['User'], trigger_emissions: ['Welcomed'], trigger_source: 'external' }]
        ]);
    });

    it('counts spans in UTF-8 bytes, as the reference does', async () => {
        const text = '-- allium: 3\n-- café ☕\nenum Size { small | large }\n';
        const [obligation] = await plan(text);
        const bytes = Buffer.from(text);
        expect(bytes.subarray(obligation.span.start, obligation.span.end).toString()).toBe('enum Size { small | large }');
        expect(obligation.span.start).toBe(Buffer.byteLength(text.slice(0, text.indexOf('enum'))));
        expect(obligation.span.start).toBeGreaterThan(text.indexOf('enum'));
    });

    it('gives the same obligations without what rules touch when not asked for it, as the editor asks', async () => {
        const { document } = await parseAllium(ORDERS);
        const withDependencies = obligationsOf(document.parseResult.value, alliumServices(), { dependencies: true });
        const without = obligationsOf(document.parseResult.value, alliumServices());
        expect(withDependencies.some(o => o.dependencies)).toBe(true);
        expect(without.some(o => 'dependencies' in o)).toBe(false);
        expect(without).toEqual(withDependencies.map(({ dependencies: _, ...rest }) => rest));
    });
});
