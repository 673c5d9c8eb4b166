import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstUtils, EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { createAlliumCoreServices, isStray } from '../src/index.js';
import { parseFully, parseStrictly } from '../src/allium-parser.js';
import { CORPUS, corpusFiles, corpusText } from './corpus-support.js';
import { dump } from './tree-dump.js';
// The parity fuzz's own spec writer and mutations: specs nobody wrote by hand, valid and broken.
import { generateSpec } from '../../../scripts/fuzz/generate.mjs';
import { mutateSpec } from '../../../scripts/fuzz/mutate.mjs';
import { Random } from '../../../scripts/fuzz/random.mjs';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

function exampleTexts(dir = EXAMPLES): string[] {
    return readdirSync(dir).sort().flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? exampleTexts(full) : entry.endsWith('.allium') ? [readFileSync(full, 'utf8')] : [];
    });
}

const parser = createAlliumCoreServices(EmptyFileSystem).Allium.parser.LangiumParser;

/** Whether the full parser read the text without an error and without a token it skipped as a Stray. */
function clean(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && !AstUtils.streamAst(result.value).some(isStray);
}

/**
 * The parser the services use reads every text as its full parser alone does. The strict parser reads every text the
 * full parser reads cleanly, to the same tree; it may read more (line recovery then finds what else is wrong, as
 * the `when:` after an expression, and the full parser reads the text again). Returns how many it read.
 */
function expectSameReadings(texts: string[]): number {
    let strict = 0;
    for (const text of texts) {
        const full = parseFully(parser, text);
        const strictly = parseStrictly(parser, text);
        expect(dump(parser.parse(text)), text).toBe(dump(full));
        if (clean(full)) {
            expect(strictly, text).toBeDefined();
            expect(dump(strictly!), text).toBe(dump(full));
        }
        strict += strictly ? 1 : 0;
    }
    return strict;
}

describe('the strict parser (allium-parser.ts, strict-parser.ts)', () => {
    it('reads the corpus and the examples as the full parser does', () => {
        const texts = [...corpusFiles().filter(f => !f.includes('big-20k')).map(corpusText), ...exampleTexts()];
        const strict = expectSameReadings(texts);
        // Most of them are clean: the reference examples with `...` in them are not.
        expect(strict).toBeGreaterThan(texts.length / 2);
        expect(strict).toBeLessThan(texts.length);
    }, 120_000);

    it('reads generated specs and mutants of the corpus as the full parser does', () => {
        const rng = new Random(17);
        const seeds = corpusFiles(path.join(CORPUS, 'reference-examples')).map(corpusText);
        const texts: string[] = [];
        for (let i = 0; i < 150; i++) {
            texts.push(generateSpec(rng), mutateSpec(rng, rng.pick(seeds)).text);
        }
        const strict = expectSameReadings(texts);
        // Both kinds occur: specs the strict parser reads, and broken ones it leaves to the full parser.
        expect(strict).toBeGreaterThan(50);
        expect(strict).toBeLessThan(250);
    }, 120_000);

    it('leaves a file with a stray token to the full parser, which keeps the stray', () => {
        const text = '-- allium: 3\nrule R {\n    when: Ping()\n    ...\n    ensures: Done()\n}\n';
        expect(parseStrictly(parser, text)).toBeUndefined();
        const result = parser.parse(text);
        expect(AstUtils.streamAst(result.value).filter(isStray).map(s => s.$cstNode?.text).toArray()).toEqual(['.', '.', '.']);
    });
});
