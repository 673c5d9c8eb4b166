/**
 * A small spec that parses and still draws findings: warnings (entity.unused, status.unreachableValue, status.noExit)
 * and infos (field.unused, rule.unreachableTrigger). The CLI, package and config tests check it.
 */
export const SHIPPING_SPEC = `-- allium: 3
entity Order {
    status: pending | shipped
    total: Decimal
}

rule Ship {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped
}
`;
