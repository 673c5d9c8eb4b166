import { AstUtils, EmptyFileSystem, type LangiumParser } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumParser } from '../src/allium-parser.js';
import { createAlliumCoreServices } from '../src/allium-module.js';
import { followTable } from '../src/resync-follows.js';
import { corpusFiles, corpusText } from './corpus-support.js';

/** A parse as far as diagnostics go: the errors, and each node of the tree with its type and place. */
function outcome(parser: LangiumParser, text: string): { errors: number; text: string } {
    const result = parser.parse(text);
    const tree = AstUtils.streamAst(result.value).map(n => `${n.$type}@${n.$cstNode?.offset}-${n.$cstNode?.end}`).toArray();
    const errors = result.parserErrors.map(e => [e.message, e.token.startOffset]);
    return { errors: errors.length, text: JSON.stringify([errors, result.lexerErrors.length, tree]) };
}

describe('re-sync follow sets recorded at build time', () => {
    const computed = createAlliumParser(createAlliumCoreServices(EmptyFileSystem).Allium, undefined);
    const table = followTable(computed);
    const recorded = createAlliumParser(createAlliumCoreServices(EmptyFileSystem).Allium, table);

    it('are the sets Chevrotain computes', () => {
        expect(Object.keys(table).length).toBeGreaterThan(100);
        expect(followTable(recorded)).toEqual(table);
    });

    it('recover from broken specs exactly as computed ones do', () => {
        let broken = 0;
        // The ten smallest specs of some substance: the parses are many, and each is of a whole file.
        const specs = corpusFiles().filter(f => !f.startsWith('synthetic/') && corpusText(f).length > 1_000)
            .sort((a, b) => corpusText(a).length - corpusText(b).length).slice(0, 10);
        for (const file of specs) {
            const text = corpusText(file);
            // Damage each spec in a few places: a dropped brace, a stray token, a line cut short.
            for (const damaged of [text.replace('}', ''), text.replace(':', ': ) ('), text.replace(/\n(\s+\w+)[^\n]*\n/, '\n$1 =\n')]) {
                const expected = outcome(computed, damaged);
                broken += expected.errors > 0 ? 1 : 0;
                expect(outcome(recorded, damaged).text, file).toBe(expected.text);
            }
        }
        expect(broken).toBeGreaterThan(5);
    });
});
