/** Specs built to break a parser, a tree walk or a line loop; each is valid Allium around the one pathological part. */
import { largeSpec } from '../support/large-spec.mjs';

const HEADER = '-- allium: 3\n';

function rule(ensures: string): string {
    return `${HEADER}entity Order {\n    total: Integer\n}\n\nrule R {\n    when: order: Order.created\n    ensures: ${ensures}\n}\n`;
}

/** `leaf` wrapped `depth` times in `wrap`. */
function nested(depth: number, wrap: (inner: string) => string, leaf: string): string {
    let expression = leaf;
    for (let i = 0; i < depth; i++) {
        expression = wrap(expression);
    }
    return expression;
}

/**
 * The pathological specs whose size is the pathological part, built at size `n`: the tests also build them at a
 * quarter of it, where work that grows linearly takes a quarter of the time and work that grows quadratically a
 * sixteenth.
 */
export const SIZED: Record<string, { n: number; build: (n: number) => string }> = {
    'flat sum of 5,000 terms': { n: 5000, build: n => rule(`order.total = ${Array(n).fill('1').join(' + ')}`) },
    'member chain 10,000 deep': { n: 10_000, build: n => rule(`order.total = order${'.total'.repeat(n)}`) },
    'prefix operators 2,000 deep': { n: 2000, build: n => rule(`order.total = ${'- '.repeat(n)}1`) },
    '500,000 blank lines before a rule': { n: 500_000, build: n => HEADER + '\n'.repeat(n) + rule('order.total = 1').slice(HEADER.length) },
    'enum of 250,000 literals on one 2 MB line': { n: 250_000, build: n => `${HEADER}enum Big { ${Array.from({ length: n }, (_, i) => `l${i}`).join(' | ')} }\n` },
    '100,000-character identifier': { n: 100_000, build: n => rule(`order.total = ${'x'.repeat(n)}`) },
    'open question of a 1 MB line': { n: 1_000_000, build: n => `${HEADER}open question "${'why '.repeat(n / 4)}"\n` },
    '200,000 comment lines': { n: 200_000, build: n => HEADER + '-- a note\n'.repeat(n) + rule('order.total = 1').slice(HEADER.length) },
    // Valid and short, but ambiguous where commas are optional: each level multiplied the parser's lookahead work.
    'calls nested 32 deep, one argument each': { n: 32, build: n => rule(`order.total = ${nested(n, e => `f(${e})`, 'x')}`) },
    'f(a * (...)) nested 16 deep': { n: 16, build: n => rule(`order.total = ${nested(n, e => `f(a * (${e}))`, 'x')}`) },
    'f(a - (...)) nested 16 deep': { n: 16, build: n => rule(`order.total = ${nested(n, e => `f(a - (${e}))`, 'x')}`) },
    '(1 + (...)) nested 24 deep': { n: 24, build: n => rule(`order.total = ${nested(n, e => `(1 + ${e})`, '1')}`) },
    'lambdas in calls nested 16 deep': { n: 16, build: n => rule(`order.total = ${nested(n, e => `xs.any(x => ${e})`, 'x')}`) },
    'objects, calls and lists nested 12 deep': { n: 12, build: n => rule(`order.total = ${nested(n, e => `{a: f(b - [${e}, c {d}])}`, 'x')}`) },
    'if expressions nested 16 deep': { n: 16, build: n => rule(`order.total = ${nested(n, e => `(if a: ${e} else: c)`, 'b')}`) },
    'valid spec of 500 KB': { n: 500_000, build: n => largeSpec(n) }
};

export const PATHOLOGICAL: Record<string, () => string> = {
    'nested parentheses': () => rule(`order.total = ${'('.repeat(120)}1${')'.repeat(120)}`),
    '25 nested if blocks': () => rule('\n' + Array.from({ length: 25 }, (_, i) => `${'    '.repeat(i + 2)}if order.total > ${i}:\n`).join('') + `${'    '.repeat(27)}order.total = 1\n`),
    '60 nested brackets of every kind': () => rule(`order.total = ${'[{('.repeat(20)}1${')}]'.repeat(20)}`),
    'unclosed parentheses to the end of the file': () => rule(`order.total = ${'('.repeat(5000)}1`),
    'a 100,000-character string': () => rule(`order.total = "${'s'.repeat(100_000)}"`),
    'lambdas 2,000 deep': () => rule(`order.total = ${'x => '.repeat(2000)}1`),
    'inline for loops 1,000 deep': () => rule(`order.total = ${'for x in order.total: '.repeat(1000)}1`),
    ...Object.fromEntries(Object.entries(SIZED).filter(([name]) => !name.startsWith('valid spec')).map(([name, { n, build }]) => [name, () => build(n)]))
};

export { largeSpec };
