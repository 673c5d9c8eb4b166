import { describe, expect, it } from 'vitest';
import { ClauseLinkParser, type PreviewEvent, type Region } from '../src/index.js';

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

=== FILE: test/orders_test.py ===
# @allium-begin invariant:Positive
assert total >= 0
# @allium-end invariant:Positive
`;

/** One region per supported comment syntax, and the quirks models add. */
const SYNTAXES = `=== FILE: src/main/kotlin/Ship.kt ===
// @allium-begin rule:A
fun a() = 1
// @allium-end rule:A
=== FILE: ship.go ===
	// @allium-begin rule:B
	func b() int { return 2 }
	// @allium-end
=== FILE: Ship.java ===
    /* @allium-begin rule:C */
    int c() { return 3; }
    /* @allium-end rule:C */
=== FILE: src/ship.rs ===
/// @allium-begin rule:D (the guard)
fn d() -> i32 { 4 }
//! @allium-end rule:D
=== FILE: ship.py ===
    # @allium-begin rule:E
    def e(): return 5
    #@allium-end rule:E
=== FILE: schema.sql ===
-- @allium-begin rule:F
SELECT 6;
-- @allium-end rule:F
`;

/** Fences the model was told not to write, and fence lines that belong to the code. */
const FENCED = '```typescript\n=== FILE: a.ts ===\nconst a = 1;\n```\n\n=== FILE: b.py ===\n\n````python\ndoc = """\n```\nexample\n```\n"""\n````\n'
    + '=== FILE: README.md ===\n# Title\n```sh\nnpm test\n```\n';

/** Prose around the files, a code block in the notes, and assumptions stated in the three ways the protocol knows. */
const WITH_NOTES = 'Here is the implementation.\nASSUMPTION: orders ship whole\n\n```typescript\n=== FILE: src/a.ts ===\n'
    + '// Assumptions (open questions):\n// - refunds are manual,\n//   handled by support\n// - no partial shipments\nconst a = 1;\n// assumption: stock is reserved first\n```\n\n'
    + 'To run the tests:\n```sh\nnpm test\n```\n## Assumptions\n\n1. prices include tax\n\n=== FILE: README.md ===\n# Orders\n```sh\nnpm start\n```\nThe end.\n';

function parse(chunks: Iterable<string>) {
    const parser = new ClauseLinkParser();
    const events: PreviewEvent[] = [];
    for (const chunk of chunks) {
        events.push(...parser.feed(chunk));
    }
    events.push(...parser.end());
    return { parser, events };
}

function linesOf(parser: ClauseLinkParser, region: Region): string[] {
    const file = parser.files.find(f => f.path === region.file)!;
    return file.text.split('\n').slice(region.startLine, region.endLine);
}

function snapshot(parser: ClauseLinkParser) {
    return { files: parser.files.map(f => ({ ...f })), regions: parser.regions.map(r => ({ ...r })), notes: parser.notes, assumptions: parser.assumptions.map(a => ({ ...a })) };
}

describe('clause link stream parser', () => {
    it('splits files, removes markers and links regions to line ranges and offsets', () => {
        const { parser } = parse([OUTPUT]);
        expect(parser.files.map(f => [f.path, f.language])).toEqual([['src/orders.ts', 'typescript'], ['test/orders_test.py', 'python']]);
        const [ts, py] = parser.files;
        expect(ts.text).not.toContain('@allium');
        expect(ts.text).toBe(`export type Status = 'pending' | 'shipped';\n\nexport function shipOrder(order: Order) {\n    if (order.status !== 'pending') throw new Error('not pending');\n    order.status = 'shipped';\n}\n`);
        const ship = parser.regionsFor('rule:ShipOrder')[0];
        expect(ship).toMatchObject({ file: 'src/orders.ts', startLine: 2, endLine: 6, complete: true });
        expect(linesOf(parser, ship)).toEqual(['export function shipOrder(order: Order) {', "    if (order.status !== 'pending') throw new Error('not pending');", "    order.status = 'shipped';", '}']);
        expect(ts.text.slice(ship.startOffset, ship.endOffset)).toBe(linesOf(parser, ship).join('\n') + '\n');
        const guard = parser.regionsFor('rule:ShipOrder/requires#1')[0];
        expect(linesOf(parser, guard)).toEqual(["    if (order.status !== 'pending') throw new Error('not pending');"]);
        expect(parser.regionsFor('invariant:Positive')[0]).toMatchObject({ file: 'test/orders_test.py', startLine: 0, endLine: 1, startOffset: 0, endOffset: py.text.length, complete: true });
        expect(py.text).toBe('assert total >= 0\n');
    });

    it('recognises the line comments of TypeScript, Kotlin, Go, Java, Rust and Python, and SQL', () => {
        const { parser } = parse([SYNTAXES]);
        expect(parser.files.map(f => f.language)).toEqual(['kotlin', 'go', 'java', 'rust', 'python', 'sql']);
        expect(parser.files.map(f => f.text).join('')).not.toContain('@allium');
        const expected: Record<string, string> = { 'rule:A': 'fun a() = 1', 'rule:B': '\tfunc b() int { return 2 }', 'rule:C': '    int c() { return 3; }', 'rule:D': 'fn d() -> i32 { 4 }', 'rule:E': '    def e(): return 5', 'rule:F': 'SELECT 6;' };
        expect(parser.regions.map(r => r.clauseId)).toEqual(Object.keys(expected));
        for (const region of parser.regions) {
            expect(region.complete, region.clauseId).toBe(true);
            expect(linesOf(parser, region), region.clauseId).toEqual([expected[region.clauseId]]);
        }
    });

    it('links the same way whatever the chunk boundaries, even inside markers', () => {
        for (const text of [OUTPUT, SYNTAXES, FENCED, WITH_NOTES]) {
            const whole = snapshot(parse([text]).parser);
            for (let split = 1; split < text.length; split++) {
                expect(snapshot(parse([text.slice(0, split), text.slice(split)]).parser), `split at ${split}`).toEqual(whole);
            }
            expect(snapshot(parse([...text]).parser)).toEqual(whole);
        }
    });

    it('links the same way when a marker line is cut into three pieces anywhere', () => {
        const start = OUTPUT.indexOf('    // @allium-begin rule:ShipOrder/requires#1');
        const end = OUTPUT.indexOf('\n', start) + 1;
        const whole = snapshot(parse([OUTPUT]).parser);
        for (let a = start; a <= end; a++) {
            for (let b = a; b <= end; b++) {
                expect(snapshot(parse([OUTPUT.slice(0, a), OUTPUT.slice(a, b), OUTPUT.slice(b)]).parser), `cuts at ${a}, ${b}`).toEqual(whole);
            }
        }
    });

    it('appends text as chunks arrive, holding back only a line that may still be a marker', () => {
        const parser = new ClauseLinkParser();
        const texts = (events: PreviewEvent[]) => events.flatMap(e => e.type === 'text' ? [e.text] : []);
        expect(parser.feed('=== FILE: out.ts ===\n').map(e => e.type)).toEqual(['file']);
        expect(texts(parser.feed('const answer = 4'))).toEqual(['const answer = 4']);
        expect(texts(parser.feed('2;\n// note: t'))).toEqual(['2;\n', '// note: t']);
        expect(texts(parser.feed('his streams early\n    // @allium-be'))).toEqual(['his streams early\n']);
        const marker = parser.feed('gin rule:X\n');
        expect(marker.map(e => e.type)).toEqual(['region']);
        expect(texts(parser.feed('x'))).toEqual(['x']);
        expect(parser.files[0].text).toBe('const answer = 42;\n// note: this streams early\nx');
        expect(parser.regions[0]).toMatchObject({ clauseId: 'rule:X', startLine: 2, endLine: 2, complete: false });
    });

    it('closes regions left open at the end of the stream or of their file as incomplete', () => {
        const { parser, events } = parse(['=== FILE: generated.txt ===\n// @allium-begin rule:A\nline one\nline two']);
        expect(parser.regions[0]).toMatchObject({ clauseId: 'rule:A', startLine: 0, endLine: 2, endOffset: 'line one\nline two'.length, complete: false });
        expect(events.filter(e => e.type === 'region')).toHaveLength(2);
        expect(parser.files[0]).toMatchObject({ path: 'generated.txt', text: 'line one\nline two' });

        const switched = parse(['=== FILE: a.ts ===\n// @allium-begin rule:A\na();\n=== FILE: b.ts ===\nb();\n// @allium-end rule:A\n']).parser;
        expect(switched.regions).toEqual([expect.objectContaining({ clauseId: 'rule:A', file: 'a.ts', startLine: 0, endLine: 1, complete: false })]);
        expect(switched.files[1].text).toBe('b();\n');
    });

    it('nests regions, closes by id out of order, and lets an end without id close the innermost', () => {
        const { parser } = parse([[
            '=== FILE: r.ts ===', '// @allium-begin rule:R', 'a', '// @allium-begin rule:R/requires#1', 'b', '// @allium-begin rule:R/ensures#1', 'c',
            '// @allium-end rule:R/requires#1', 'd', '// @allium-end', 'e', '// @allium-end rule:Unknown', '// @allium-end rule:R', ''
        ].join('\n')]);
        const byId = Object.fromEntries(parser.regions.map(r => [r.clauseId, linesOf(parser, r)]));
        expect(byId).toEqual({ 'rule:R': ['a', 'b', 'c', 'd', 'e'], 'rule:R/requires#1': ['b', 'c'], 'rule:R/ensures#1': ['c', 'd'] });
        expect(parser.regions.every(r => r.complete)).toBe(true);
    });

    it('drops Markdown fences around files but keeps fence lines inside code', () => {
        const { parser } = parse([FENCED]);
        expect(parser.files.map(f => f.text)).toEqual(['const a = 1;\n', 'doc = """\n```\nexample\n```\n"""\n', '# Title\n```sh\nnpm test\n```\n']);
    });

    it('keeps blank lines inside a file, not at its ends nor at the ends of regions', () => {
        const { parser } = parse(['=== FILE: a.ts ===\n\n\na();\n\n// @allium-begin rule:A\n\nb();\n\nb2();\n\n// @allium-end rule:A\n\nc();\n\n\n=== FILE: b.ts ===\nd();\n']);
        expect(parser.files[0].text).toBe('a();\n\n\nb();\n\nb2();\n\n\nc();\n');
        expect(linesOf(parser, parser.regions[0])).toEqual(['b();', '', 'b2();']);
    });

    it('resumes a file named twice, and takes the file line in lenient forms', () => {
        const { parser } = parse(['=== FILE: ./a.ts ===\na();\n// === FILE: `b.ts`\nb();\n=== FILE: a.ts ===\n// @allium-begin rule:A\nmore();\n// @allium-end rule:A\n']);
        expect(parser.files.map(f => [f.path, f.text])).toEqual([['a.ts', 'a();\nmore();\n'], ['b.ts', 'b();\n']]);
        expect(parser.regions[0]).toMatchObject({ file: 'a.ts', startLine: 1, endLine: 2, startOffset: 5, endOffset: 13 });
    });

    it('treats comments that only look like markers as code', () => {
        const { parser } = parse(['=== FILE: a.ts ===\n// @allium-beginning of time\n# @allium-begin\n// see @allium-end rule:A\n=== FILE: ===\n']);
        expect(parser.regions).toEqual([]);
        expect(parser.files[0].text).toBe('// @allium-beginning of time\n// see @allium-end rule:A\n=== FILE: ===\n');
    });

    it('keeps text outside file blocks as notes, never as a file', () => {
        const { parser, events } = parse([WITH_NOTES]);
        expect(parser.files.map(f => f.path)).toEqual(['src/a.ts', 'README.md']);
        expect(parser.files[0].text).toBe('// Assumptions (open questions):\n// - refunds are manual,\n//   handled by support\n// - no partial shipments\nconst a = 1;\n// assumption: stock is reserved first\n');
        expect(parser.files[1].text).toBe('# Orders\n```sh\nnpm start\n```\nThe end.\n');
        expect(parser.notes).toBe('Here is the implementation.\nASSUMPTION: orders ship whole\n\nTo run the tests:\n```sh\nnpm test\n```\n## Assumptions\n\n1. prices include tax');
        expect(events.filter(e => e.type === 'note').map(e => e.type === 'note' && e.text).join('')).toBe(parser.notes + '\n\n');
        expect(parser.openFile?.path).toBe('README.md');
    });

    it('makes no file of an answer without file lines', () => {
        const { parser } = parse(['Sorry, I need more detail.\n// @allium-begin rule:A\nfn a() {}\n']);
        expect(parser.files).toEqual([]);
        expect(parser.regions).toEqual([]);
        expect(parser.notes).toBe('Sorry, I need more detail.\nfn a() {}');
        expect(parser.openFile).toBeUndefined();
    });

    it('collects assumptions from comments and notes, with where they were stated', () => {
        const { parser, events } = parse([WITH_NOTES]);
        expect(parser.assumptions).toEqual([
            { text: 'orders ship whole' },
            { text: 'refunds are manual, handled by support', file: 'src/a.ts', line: 1 },
            { text: 'no partial shipments', file: 'src/a.ts', line: 3 },
            { text: 'stock is reserved first', file: 'src/a.ts', line: 5 },
            { text: 'prices include tax' }
        ]);
        expect(events.filter(e => e.type === 'assumption')).toHaveLength(5);
        const code = parse(['=== FILE: a.py ===\n# Assumptions:\n# - one\nvalue = 1  # - not an assumption\n# - not one either\n']).parser;
        expect(code.assumptions).toEqual([{ text: 'one', file: 'a.py', line: 1 }]);
    });

    it('refuses input after the end', () => {
        const parser = new ClauseLinkParser();
        parser.end();
        expect(() => parser.feed('x')).toThrow(/ended/);
    });
});
