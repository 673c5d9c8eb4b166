/** A spec and the answer a model might give for its rule ShipOrder: code and a test, each clause in its markers. */
export const SHIP_ORDER_SPEC = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped
}
`;

export const SHIP_ORDER_ANSWER = [
    '=== FILE: src/ship.ts ===\n// @allium-begin rule:ShipOrder\nexport function ship(order: Order) {\n',
    '    // @allium-begin rule:ShipOrder/requires#1\n    if (order.status !== "pending") throw new Error("not pending");\n    // @allium-end rule:ShipOrder/requires#1\n',
    '    // @allium-begin rule:ShipOrder/ensures#1\n    order.status = "shipped";\n    // @allium-end rule:ShipOrder/ensures#1\n}\n// @allium-end rule:ShipOrder\n',
    '=== FILE: test/ship.test.ts ===\n// @allium-begin test:rule-success.ShipOrder\nit("ships", () => ship(order));\n// @allium-end test:rule-success.ShipOrder\n'
];
