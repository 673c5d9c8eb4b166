import { GrammarAST, type Grammar, type LangiumParser } from 'langium';

/**
 * The alternatives that read a token no construct takes as a Stray, so that a broken line does not end the parse.
 * Each can stand for the start of a construct (`name:` and an indented block is a clause, or a stray name, colon and
 * block), so ALL(*) follows both readings to the end of the block before it settles on the construct: most of the
 * parse of a spec the process has not seen before (docs/performance.md, session 17).
 */
const STRAY_ALTERNATIVES: ReadonlyArray<{ rule: string; stray: (element: GrammarAST.AbstractElement) => boolean }> = [
    { rule: 'Module', stray: e => GrammarAST.isAssignment(e) && e.feature === 'strays' },
    { rule: 'BlockItem', stray: e => GrammarAST.isRuleCall(e) && e.rule.ref?.name === 'StrayItem' },
    { rule: 'ExprItem', stray: e => GrammarAST.isRuleCall(e) && e.rule.ref?.name === 'ExprStray' }
];

/**
 * Builds a parser of the grammar without its stray alternatives: `build` runs while they are taken out, and they are
 * put back before this returns. Langium's parser builder reads the grammar only while it builds the rules and while
 * Chevrotain records them (`finalize`), so `build` must do both; the nodes it makes still point at the grammar's own
 * elements, as the full parser's do.
 */
export function withoutStrays(grammar: Grammar, build: () => LangiumParser): LangiumParser {
    const restores: Array<() => void> = [];
    try {
        for (const { rule, stray } of STRAY_ALTERNATIVES) {
            const found = grammar.rules.find(r => r.name === rule);
            const alternatives = GrammarAST.isParserRule(found) ? found.definition : undefined;
            if (!GrammarAST.isAlternatives(alternatives) || !alternatives.elements.some(stray)) {
                throw new Error(`The grammar's rule ${rule} has no stray alternative to leave out.`);
            }
            const elements = alternatives.elements;
            alternatives.elements = elements.filter(e => !stray(e));
            restores.push(() => { alternatives.elements = elements; });
        }
        return build();
    } finally {
        for (const restore of restores) {
            restore();
        }
    }
}

/**
 * Turns Chevrotain's error recovery off in a parser not yet finalized: the first syntax error ends its parse (and is
 * its one error), so a file a strict parser cannot read costs it no more than the text before the error.
 */
export function withoutRecovery(parser: LangiumParser): void {
    // `wrapper` is Langium's private Chevrotain parser. Recovery is a constructor option there; with it off,
    // `attemptInRepetitionRecovery` is the prototype's no-op instead of the instance's recovering function.
    const wrapper = (parser as unknown as { wrapper: { recoveryEnabled: boolean; attemptInRepetitionRecovery?: unknown } }).wrapper;
    wrapper.recoveryEnabled = false;
    delete wrapper.attemptInRepetitionRecovery;
}
