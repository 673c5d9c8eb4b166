import { describe, expect, it } from 'vitest';
import { alliumServices, parseAllium } from '../src/index.js';
import { corpusFiles, corpusText } from './corpus-support.js';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
    return () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
    };
}

describe('malformed input never throws out of the parser', () => {
    it('parses every corpus file truncated at random points', () => {
        const parser = alliumServices().parser.LangiumParser;
        const next = random(42);
        let attempts = 0;
        for (const file of corpusFiles().filter(f => !f.startsWith('synthetic/'))) {
            const text = corpusText(file);
            for (let i = 0; i < 8; i++) {
                const cut = Math.floor(next() * text.length);
                const result = parser.parse(text.slice(0, cut));
                expect(result.value.$type).toBe('Module');
                attempts++;
            }
        }
        console.log(`parsed ${attempts} truncated files without an exception`);
        expect(attempts).toBeGreaterThan(500);
    });

    it('parses random splices of corpus text', () => {
        const parser = alliumServices().parser.LangiumParser;
        const next = random(7);
        const files = corpusFiles().filter(f => !f.startsWith('synthetic/'));
        for (let i = 0; i < 300; i++) {
            const a = corpusText(files[Math.floor(next() * files.length)]);
            const b = corpusText(files[Math.floor(next() * files.length)]);
            const text = a.slice(0, Math.floor(next() * a.length)) + b.slice(Math.floor(next() * b.length));
            expect(() => parser.parse(text)).not.toThrow();
        }
    });
});

describe('a parse that threw', () => {
    it('leaves nothing behind for the next parse', () => {
        const parser = alliumServices().parser.LangiumParser;
        const spec = corpusText('reference-examples/patterns-009.allium');
        const names = (text: string) => (parser.parse(text).value as { declarations: Array<{ name?: string }> }).declarations.map(d => d.name);
        const expected = names(spec);
        // Parses with less and less stack left, down to none: some of the parses run out of it midway, as a deeply
        // nested spec did, and throw with nodes still on the parser's stack.
        let overflows = 0;
        let parsed: Array<string | undefined> | undefined;
        const withLessStack = (): void => {
            try {
                withLessStack();
            } catch {
                // The bottom: no stack left.
            }
            if (!parsed) {
                try {
                    parsed = names(spec);
                } catch {
                    overflows++;
                }
            }
        };
        withLessStack();
        expect(overflows).toBeGreaterThan(0);
        // The first parse with stack enough, right after those that ran out, and the next ones.
        expect(parsed).toEqual(expected);
        expect(names('-- allium: 3\nentity Other {\n    n: Integer\n}\n')).toEqual(['Other']);
        expect(names(spec)).toEqual(expected);
    });
});

describe('a syntax error where Langium loses the node it builds', () => {
    // Recovering from the error inside `{ ... }` or `( ... )` of a default, Langium's parser pops more nodes than
    // it pushed and throws; the whole file then had no diagnostics (the CLI stopped with a TypeError).
    for (const value of ['{\n    name: = "viewer",\n    permissions: { "read" }\n}', '(name: = "viewer")']) {
        it(`reports the error and checks the rest: default viewer = ${value.split('\n')[0]}`, async () => {
            const text = `-- allium: 3\nentity Role {\n    name: String\n}\n\ndefault Role viewer = ${value}\n\nentity Later {\n    n: Integer\n}\n`;
            const { diagnostics } = await parseAllium(text);
            const syntax = diagnostics.filter(d => d.code === 'allium.syntax');
            // The first error where the reference reports it: the `=` on line 7, or on line 6 for the one-line value.
            expect(syntax[0]?.range.start.line).toBe(value.includes('\n') ? 6 : 5);
            expect(syntax[0]?.message).toContain("found '='");
            // The declaration after it is still read and checked.
            expect(diagnostics.some(d => d.code === 'allium.entity.unused' && d.message.includes("'Later'"))).toBe(true);
        });
    }
});
