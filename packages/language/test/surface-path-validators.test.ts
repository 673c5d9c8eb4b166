import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';

/** Lines (1-based, counting the `-- allium: 3` header) of the diagnostics with `code`. */
async function lines(text: string, code: string): Promise<number[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
}

async function ranges(text: string, code: string): Promise<string[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => `${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.character}`);
}

// Line 2 is `entity User`; each test's surface starts after this model.
const MODEL = `entity User {
    name: String
    email: String
    role: admin | guest
    status: active | suspended
    nickname: String?
    tier: Tier?
    orders: Order with customer = this
    tags: List<String>
}

enum Tier { gold | silver }

actor Admin {
    identified_by: User where role = admin
}

value Slot {
    time: Timestamp
}

entity Order {
    customer: User
    status: pending | shipped
    slot: Slot
    total: Decimal
    notes: String
    is_open: status = pending
    kind: Small | Large
}

variant Large : Order {
    crate_count: Integer
}

external entity Payment {}

rule Ship {
    when: ShipOrder(admin, order)
    requires: order.status = pending
    ensures:
        order.status = shipped
        order.total = 0
}

rule Register {
    when: Register(user)
    ensures: Order.created(customer: user, status: pending, slot: Slot{time: now}, kind: Small)
}
`;

/** The line of the first item of a `surface(...)` body. */
const BODY = MODEL.split('\n').length + 3;

function surface(body: string): string {
    return `${MODEL}\nsurface Desk {\n${body}\n}\n`;
}

describe('surface path validator: undefined paths', () => {
    it('accepts paths through fields, relationships, values, actors, variants and collections', async () => {
        const spec = surface(`    facing viewer: Admin
    context order: Order where customer = viewer
    let mine = Orders where customer = viewer
    exposes:
        order.customer.name
        order.slot.time
        order.created_at
        order.crate_count
        viewer.email
        viewer.orders.count
        viewer.orders.first.total
        mine.count
    provides:
        ShipOrder(viewer, order) when order.customer.status = active and viewer.orders.any(o => o.is_open)`);
        expect(await lines(spec, 'allium.surface.undefinedPath')).toEqual([]);
    });

    it('leaves alone paths through types it cannot see whole', async () => {
        const spec = surface(`    facing viewer: User
    context payment: Payment
    let other = Elsewhere{user: viewer}
    exposes:
        payment.amount
        other.anything
        viewer.name.first`);
        expect(await lines(spec, 'allium.surface.undefinedPath')).toEqual([]);
        const imported = `use "./shop.allium" as shop\n${surface(`    context item: shop/Item\n    exposes:\n        item.anything`)}`;
        expect(await lines(imported, 'allium.surface.undefinedPath')).toEqual([]);
    });

    it('reports the first field a path does not declare, in exposes, guards and context filters', async () => {
        const spec = surface(`    facing viewer: Admin
    context order: Order where customer = viewer.nme
    exposes:
        order.customer.nmae.first
        order.missing_field
    provides:
        ShipOrder(viewer, order) when order.stauts = pending`);
        expect(await lines(spec, 'allium.surface.undefinedPath')).toEqual([BODY + 1, BODY + 3, BODY + 4, BODY + 6]);
        expect((await ranges(spec, 'allium.surface.undefinedPath'))[1]).toBe(`${BODY + 3}:23-27`);
    });
});

describe('surface path validator: iteration', () => {
    it('accepts iterating lists, relationships, entity collections and filtered lets', async () => {
        const spec = surface(`    facing viewer: User
    let open = Orders where status = pending
    exposes:
        for tag in viewer.tags:
            tag
        for order in viewer.orders:
            order.total
        for order in open:
            order.status
    provides:
        for order in Order where order.customer = viewer:
            ShipOrder(viewer, order)`);
        expect(await lines(spec, 'allium.surface.nonCollectionIteration')).toEqual([]);
    });

    it('reports iterating a single value or a single instance', async () => {
        const spec = surface(`    facing viewer: User
    context order: Order
    exposes:
        for letter in viewer.name:
            letter
        for who in order.customer:
            who.name
    provides:
        for it in viewer:
            ShipOrder(viewer, it)`);
        expect(await lines(spec, 'allium.surface.nonCollectionIteration')).toEqual([BODY + 3, BODY + 5, BODY + 8]);
        expect((await ranges(spec, 'allium.surface.nonCollectionIteration'))[0]).toBe(`${BODY + 3}:22-33`);
    });
});

describe('surface path validator: exposed fields no rule uses', () => {
    it('accepts exposed fields rules read, set or create, derived values and fields of other kinds of type', async () => {
        const spec = surface(`    facing viewer: User
    context order: Order
    exposes:
        order.status
        order.total
        order.customer
        order.is_open
        order.slot.time
        viewer.orders`);
        expect(await lines(spec, 'allium.surface.unusedPath')).toEqual([]);
    });

    it('reports an exposed stored field that only surfaces mention', async () => {
        const spec = surface(`    facing viewer: User
    context order: Order
    exposes:
        order.notes
        order.notes when order.status = pending`);
        expect(await lines(spec, 'allium.surface.unusedPath')).toEqual([BODY + 3, BODY + 4]);
        expect((await ranges(spec, 'allium.surface.unusedPath'))[0]).toBe(`${BODY + 3}:14-19`);
    });
});

describe('surface guard validator: impossible when conditions', () => {
    it('accepts guards that can hold', async () => {
        const spec = surface(`    facing viewer: User
    context order: Order
    exposes:
        order.total when order.status = pending or order.status = shipped
        order.total when viewer.status = active and order.status = shipped
        order.total when viewer.nickname != "a" and viewer.nickname != "b"
        order.total when viewer.status != active and viewer.nickname = null
        order.total when viewer.tier != gold and viewer.tier != silver
        order.total when viewer.status = null
        order.total when order.customer = viewer and order.customer != other
    provides:
        ShipOrder(viewer, order) when order.status in {pending, shipped} and order.status != shipped`);
        expect(await lines(spec, 'allium.surface.impossibleWhen')).toEqual([]);
    });

    it('reports contradictory comparisons and values the enum lacks', async () => {
        const spec = surface(`    facing viewer: User
    context order: Order
    exposes:
        order.total when viewer.status = active and viewer.status = suspended
        order.total when viewer.nickname = "aa" and viewer.nickname = "bb"
        order.total when order.status = pending and (order.status != pending)
        order.total when viewer.status != active and viewer.status != suspended
    provides:
        ShipOrder(viewer, order) when order.status = shiped
        ShipOrder(viewer, order) when viewer.tier = bronze
        ShipOrder(viewer, order) when order.status in {pending} and order.status not in {pending, shipped}`);
        expect(await lines(spec, 'allium.surface.impossibleWhen')).toEqual([BODY + 3, BODY + 4, BODY + 5, BODY + 6, BODY + 8, BODY + 9, BODY + 10]);
        expect((await ranges(spec, 'allium.surface.impossibleWhen'))[4]).toBe(`${BODY + 8}:53-59`);
    });
});
