/** How a completion names what a name stands for, in the words a spec uses (`entity`), not the syntax tree's (`EntityDecl`). */
const WORDS: Record<string, string> = {
    EntityDecl: 'entity', ValueDecl: 'value', EnumDecl: 'enum', EnumLiteral: 'enum value', VariantDecl: 'variant', RuleDecl: 'rule',
    SurfaceDecl: 'surface', ActorDecl: 'actor', ContractDecl: 'contract', InvariantDecl: 'invariant', ConfigDecl: 'config',
    GivenDecl: 'given', DefaultDecl: 'default', DeferredDecl: 'deferred', UseDecl: 'import', OpenQuestion: 'open question',
    Assignment: 'field', ParamAssignment: 'parameter', PathAssignment: 'field', LetItem: 'let binding', LetExpr: 'let binding',
    LoopVar: 'loop variable', TriggerBinding: 'trigger binding', BindingClause: 'binding', Parameter: 'parameter', TypedParam: 'parameter',
    StateName: 'state'
};

export function kindWord(type: string): string | undefined {
    return WORDS[type];
}
