import type { LangiumParser } from 'langium';

/** Set by the bundler: the specs of examples/orders (esbuild.mjs); empty when running from the sources. */
declare const ALLIUM_WARM_UP_SPECS: string[] | undefined;

/** Specs that reach most decisions of the grammar, so that a parser that has read them has predicted each once. */
const WARM_UP_SPECS: readonly string[] = typeof ALLIUM_WARM_UP_SPECS === 'undefined' ? [] : ALLIUM_WARM_UP_SPECS;

/**
 * Parses the warm-up specs and drops the results: the parser's lookahead is built per decision when first reached
 * (lazy-lookahead.ts), and its prediction DFAs fill as it reads, so the first spec a process reads for real would
 * pay for both. The CLI does this when it builds its start-up snapshot; the language server while the editor starts.
 */
export function warmUpParser(parser: LangiumParser): void {
    for (const text of WARM_UP_SPECS) {
        parser.parse(text);
    }
}
