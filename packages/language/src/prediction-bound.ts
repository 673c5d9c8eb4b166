import type { ILookaheadStrategy } from 'chevrotain';

/**
 * The most parser configurations one ALL(*) prediction tracks at a token before it takes the decision as ambiguous
 * and predicts the lowest alternative still viable, as it does for a proven ambiguity. The grammar is ambiguous
 * where commas are optional (`f(a * (b))` reads as one argument or three) and where a stray token can stand for the
 * start of a construct; each nesting level of such input multiplies the configurations, as no two share a stack,
 * so eight nested `f(a * (...))` took over a minute to parse. Unbounded, the corpus reaches 1,134 and a fuzz run
 * 2,899, in ambiguities that resolve to the lowest alternative anyway: the findings on the corpus and on seven fuzz
 * runs are the same at 1,024 as unbounded, and first change at 128. A lower bound makes the worst input faster
 * (docs/performance.md, session 16).
 */
export const MAX_PREDICTION_CONFIGURATIONS = 1024;

/**
 * Bounds the predictions of a Langium parser's ALL(*) lookahead strategy (`maxConfigurations` is added to
 * chevrotain-allstar by `patches/`, applied on `npm install`; without the patch there is nothing to set, and the
 * pathological-spec tests fail).
 */
export function boundPredictions(parser: object): void {
    // `wrapper` is private in Langium's typings; it holds the lookahead strategy until the parser is finalized.
    const strategy = (parser as { wrapper?: { lookaheadStrategy?: ILookaheadStrategy & { maxConfigurations?: number } } }).wrapper?.lookaheadStrategy;
    if (strategy?.maxConfigurations !== undefined) {
        strategy.maxConfigurations = MAX_PREDICTION_CONFIGURATIONS;
    }
}
