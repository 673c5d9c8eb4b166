/**
 * A valid spec of about `bytes` characters: many entities and rules that refer to each other. Plain JavaScript, so
 * the adversarial tests and `npm run bench` measure the same document.
 */
export function largeSpec(bytes) {
    const header = '-- allium: 3\n';
    const parts = [header];
    for (let i = 0, size = header.length; size < bytes; i++) {
        const part = `entity Order${i} {\n    status: pending | paid | shipped\n    total: Integer\n    customer: Customer${i}\n}\n\n`
            + `entity Customer${i} {\n    name: String\n}\n\n`
            + `rule Pay${i} {\n    when: order: Order${i}.created\n    requires: order.status = pending\n    ensures:\n        order.status = paid\n        order.total = order.total + 1\n}\n\n`;
        parts.push(part);
        size += part.length;
    }
    return parts.join('');
}
