import type { LangiumParser } from 'langium';
import { parseFully } from './allium-parser.js';

/** Set by the bundler: the specs of examples/orders (esbuild.mjs); empty when running from the sources. */
declare const ALLIUM_WARM_UP_SPECS: string[] | undefined;

/** Specs that reach most decisions of the grammar, so that a parser that has read them has predicted each once. */
const WARM_UP_SPECS: readonly string[] = typeof ALLIUM_WARM_UP_SPECS === 'undefined' ? [] : ALLIUM_WARM_UP_SPECS;

/**
 * Two parses per warm-up spec, results dropped, one by each of the parser's two parsers (allium-parser.ts): their
 * lookahead is built per decision when first reached (lazy-lookahead.ts), and their prediction DFAs fill as they
 * read, so the first spec a process reads for real would pay for both. Separate steps, so that a caller with other
 * work can stop between them.
 */
export function parserWarmUps(parser: LangiumParser): Array<() => void> {
    // The strict parser's first (it reads most files, and is built by its first parse), then the full one's: a step is
    // one parse, so that a document opened during the warm-up waits for no more than that.
    return [...WARM_UP_SPECS.map(text => () => { parser.parse(text); }), ...WARM_UP_SPECS.map(text => () => { parseFully(parser, text); })];
}

/** All warm-up parses at once: the CLI does this when it builds its start-up snapshot. */
export function warmUpParser(parser: LangiumParser): void {
    for (const step of parserWarmUps(parser)) {
        step();
    }
}
