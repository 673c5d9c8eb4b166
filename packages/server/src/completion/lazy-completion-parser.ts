import { createParser, LangiumCompletionParser, type CompletionParserResult } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { boundPredictions } from '@allium/language';

/**
 * The completion parser, with its grammar analysis done at the first completion instead of at `initialize`: Langium
 * builds every service before it answers `initialize`, and the analysis (100 ms here) then delayed the first
 * diagnostics of every editor start, for a parser only completion uses.
 */
class LazilyAnalysedCompletionParser extends LangiumCompletionParser {
    private analysed = false;

    /** Left to the first `parse`. */
    override finalize(): void {}

    override parse(input: string): CompletionParserResult {
        if (!this.analysed) {
            this.analysed = true;
            super.finalize();
        }
        return super.parse(input);
    }
}

/** As Langium's `createCompletionParser`, with the analysis deferred. */
export function createLazyCompletionParser(services: LangiumServices): LangiumCompletionParser {
    const parser = new LazilyAnalysedCompletionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    // Completion reads the document up to the cursor with the same ambiguous grammar as the parser.
    boundPredictions(parser);
    return parser;
}
