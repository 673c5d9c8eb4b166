import { describe, expect, it } from 'vitest';
import { AstUtils, type AstNode } from 'langium';
import { alliumServices, isBinaryExpr, isCall, type BinaryExpr, type Call } from '../src/index.js';

/** `leaf` wrapped `depth` times in `wrap`, as the value of a rule's `ensures:`. */
function nestedSpec(depth: number, wrap: (inner: string) => string, leaf: string): string {
    let expression = leaf;
    for (let i = 0; i < depth; i++) {
        expression = wrap(expression);
    }
    return `-- allium: 3\nrule R {\n    when: A.created\n    ensures: x = ${expression}\n}\n`;
}

function parse(text: string): AstNode {
    const result = alliumServices().parser.LangiumParser.parse(text);
    expect([...result.lexerErrors, ...result.parserErrors].map(e => e.message)).toEqual([]);
    return result.value;
}

/*
 * Where commas are optional, `f(a * (b))` could be one argument or three, and each level of nesting multiplies the
 * parser's lookahead work until its bound (prediction-bound.ts) takes the first alternative, as the reference's
 * parser does: an operator or a `(` after an operand continues it. Deep enough to reach the bound, the tree must still
 * be that reading at every level.
 */
describe('ambiguous input nested past the lookahead bound', () => {
    it('reads `f(a * (...))` as a call of one product at every level', () => {
        const calls = AstUtils.streamAst(parse(nestedSpec(12, e => `f(a * (${e}))`, 'x'))).filter(isCall).toArray();
        expect(calls).toHaveLength(12);
        for (const call of calls) {
            expect(call.args).toHaveLength(1);
            expect((call.args[0].value as BinaryExpr).operator).toBe('*');
        }
    });

    it('reads `f(a - (...))` as a call of one difference at every level', () => {
        const calls = AstUtils.streamAst(parse(nestedSpec(12, e => `f(a - (${e}))`, 'x'))).filter(isCall).toArray();
        expect(calls.map(call => call.args.length)).toEqual(Array(12).fill(1));
        expect(calls.every(call => isBinaryExpr(call.args[0].value) && call.args[0].value.operator === '-')).toBe(true);
    });

    it('reads `f(g (...))` as nested calls, not as juxtaposed arguments', () => {
        // 40 brackets: below the nesting limit of nesting-limit.ts.
        const calls = AstUtils.streamAst(parse(nestedSpec(20, e => `f(g (${e}))`, 'x'))).filter(isCall).toArray();
        // Each level is `f(...)` holding the call `g(...)`.
        expect(calls).toHaveLength(40);
        expect(calls.every((call: Call) => call.args.length === 1)).toBe(true);
    });

    it('still reads juxtaposed arguments that cannot continue an operand as arguments', () => {
        const calls = AstUtils.streamAst(parse(nestedSpec(12, e => `f(a b (${e}))`, 'x'))).filter(isCall).toArray();
        // `b (...)` is a call of b; `a` is an argument of its own.
        expect(calls.filter((call: Call) => call.args.length === 2)).toHaveLength(12);
    });
});
