import { describe, expect, it } from 'vitest';
import { ClauseLinkParser } from '../src/index.js';

const OUTPUT = `=== FILE: src/orders.ts ===
export type Status = 'pending' | 'shipped';
// @allium-begin rule:ShipOrder
export function shipOrder(order: Order) {
    // @allium-begin rule:ShipOrder/requires#1
    if (order.status !== 'pending') throw new Error('not pending');
    // @allium-end rule:ShipOrder/requires#1
    order.status = 'shipped';
}
// @allium-end rule:ShipOrder
=== FILE: test/orders.test.ts ===
# @allium-begin invariant:Positive
assert(total >= 0)
# @allium-end invariant:Positive
`;

function parseInChunks(chunks: string[]) {
    const parser = new ClauseLinkParser();
    for (const chunk of chunks) {
        parser.feed(chunk);
    }
    parser.end();
    return parser;
}

describe('clause link stream parser', () => {
    it('splits files, removes markers and links regions to line ranges', () => {
        const parser = parseInChunks([OUTPUT]);
        expect(parser.files.map(f => f.path)).toEqual(['src/orders.ts', 'test/orders.test.ts']);
        expect(parser.files[0].text).not.toContain('@allium');
        const lines = parser.files[0].text.split('\n');
        const ship = parser.regionsFor('rule:ShipOrder')[0];
        expect(lines.slice(ship.startLine, ship.endLine).join('\n')).toBe(`export function shipOrder(order: Order) {\n    if (order.status !== 'pending') throw new Error('not pending');\n    order.status = 'shipped';\n}`);
        const guard = parser.regionsFor('rule:ShipOrder/requires#1')[0];
        expect(lines.slice(guard.startLine, guard.endLine)).toEqual(["    if (order.status !== 'pending') throw new Error('not pending');"]);
        expect(parser.regionsFor('invariant:Positive')[0]).toMatchObject({ file: 'test/orders.test.ts', startLine: 0, endLine: 1, complete: true });
    });

    it('links the same way whatever the chunk boundaries, even inside markers', () => {
        const whole = parseInChunks([OUTPUT]);
        for (let split = 1; split < OUTPUT.length; split++) {
            const parser = parseInChunks([OUTPUT.slice(0, split), OUTPUT.slice(split)]);
            expect(parser.files).toEqual(whole.files);
            expect(parser.regions).toEqual(whole.regions);
        }
        const byCharacter = parseInChunks([...OUTPUT]);
        expect(byCharacter.regions).toEqual(whole.regions);
    });

    it('shows text before its line is complete when it cannot be a marker', () => {
        const parser = new ClauseLinkParser('out.ts');
        const first = parser.feed('const answer = 4');
        expect(first.filter(e => e.type === 'text').map(e => e.type === 'text' ? e.text : '').join('')).toBe('const answer = 4');
        expect(parser.feed('\n// @allium-be').filter(e => e.type === 'text').map(e => e.type === 'text' ? e.text : '')).toEqual(['\n']);
        const events = parser.feed('gin rule:X\n');
        expect(events.map(e => e.type)).toEqual(['region']);
        expect(parser.files[0].text).toBe('const answer = 4\n');
    });

    it('marks regions still open at the end of the stream as incomplete', () => {
        const parser = parseInChunks(['// @allium-begin rule:A\nline one\nline two']);
        expect(parser.regions[0]).toMatchObject({ clauseId: 'rule:A', startLine: 0, complete: false });
        expect(parser.files[0].text).toBe('line one\nline two');
    });

    it('drops Markdown fences the model may add anyway', () => {
        const parser = parseInChunks(['=== FILE: a.py ===\n```python\nx = 1\n```\n']);
        expect(parser.files[0].text).toBe('x = 1\n');
    });
});
