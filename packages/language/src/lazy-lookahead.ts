import type { BaseParser, ILookaheadStrategy } from 'chevrotain';

type Strategy = ILookaheadStrategy;

/**
 * Builds each decision's lookahead function the first time the parser reaches that decision, not all of them when
 * the parser is constructed. Chevrotain's self-analysis asks the strategy for a function at every OR, OPTION and
 * MANY of the grammar, and the ALL(*) strategy answers each by computing the decision's LL(1) lookahead paths
 * through the grammar: most of the start-up of a process that checks one small spec, for decisions that spec never
 * reaches. The functions are the wrapped strategy's own, so every prediction is the one it would make.
 */
export class LazyLookaheadStrategy implements Strategy {
    constructor(private readonly strategy: Strategy) {}

    validate(options: Parameters<Strategy['validate']>[0]): ReturnType<Strategy['validate']> {
        return this.strategy.validate(options);
    }

    initialize(options: { rules: Parameters<Strategy['validate']>[0]['rules'] }): void {
        this.strategy.initialize?.(options);
    }

    buildLookaheadForAlternation(options: Parameters<Strategy['buildLookaheadForAlternation']>[0]): ReturnType<Strategy['buildLookaheadForAlternation']> {
        const strategy = this.strategy;
        let lookahead: ReturnType<Strategy['buildLookaheadForAlternation']> | undefined;
        return function (this: BaseParser, orAlts) {
            lookahead ??= strategy.buildLookaheadForAlternation(options);
            return lookahead.call(this, orAlts);
        };
    }

    buildLookaheadForOptional(options: Parameters<Strategy['buildLookaheadForOptional']>[0]): ReturnType<Strategy['buildLookaheadForOptional']> {
        const strategy = this.strategy;
        let lookahead: ReturnType<Strategy['buildLookaheadForOptional']> | undefined;
        return function (this: BaseParser) {
            lookahead ??= strategy.buildLookaheadForOptional(options);
            return lookahead.call(this);
        };
    }
}
