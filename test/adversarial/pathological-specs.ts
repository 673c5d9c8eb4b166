/** Specs built to break a parser, a tree walk or a line loop; each is valid Allium around the one pathological part. */
const HEADER = '-- allium: 3\n';

function rule(ensures: string): string {
    return `${HEADER}entity Order {\n    total: Integer\n}\n\nrule R {\n    when: order: Order.created\n    ensures: ${ensures}\n}\n`;
}

export const PATHOLOGICAL: Record<string, () => string> = {
    'nested parentheses': () => rule(`order.total = ${'('.repeat(120)}1${')'.repeat(120)}`),
    'flat sum of 5,000 terms': () => rule(`order.total = ${Array(5000).fill('1').join(' + ')}`),
    'member chain 10,000 deep': () => rule(`order.total = order${'.total'.repeat(10_000)}`),
    'prefix operators 2,000 deep': () => rule(`order.total = ${'- '.repeat(2000)}1`),
    '25 nested if blocks': () => rule('\n' + Array.from({ length: 25 }, (_, i) => `${'    '.repeat(i + 2)}if order.total > ${i}:\n`).join('') + `${'    '.repeat(27)}order.total = 1\n`),
    '500,000 blank lines before a rule': () => HEADER + '\n'.repeat(500_000) + rule('order.total = 1').slice(HEADER.length),
    'enum of 250,000 literals on one 2 MB line': () => `${HEADER}enum Big { ${Array.from({ length: 250_000 }, (_, i) => `l${i}`).join(' | ')} }\n`,
    '100,000-character identifier': () => rule(`order.total = ${'x'.repeat(100_000)}`)
};

export { largeSpec } from '../support/large-spec.mjs';
