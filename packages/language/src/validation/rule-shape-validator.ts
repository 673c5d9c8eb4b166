import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { isTemporalComparison } from '../ast/type-expressions.js';

/**
 * A rule needs a trigger and an outcome: without `when:` nothing starts it, without `ensures:` it changes nothing.
 * A temporal trigger (`when: invitation: Invitation.expires_at <= now`) stays true after it fires, so it needs a
 * `requires:` that stops it firing again.
 */
export function checkRuleShape(rule: ast.RuleDecl, accept: ValidationAcceptor): void {
    const triggers = rule.items.filter(ast.isTriggerClause);
    if (triggers.length === 0) {
        accept('error', `Rule '${rule.name}' has no 'when:' trigger, so nothing can start it. Add 'when:' with what triggers it.`,
            { node: rule, property: 'name', code: IssueCodes.RuleMissingWhen });
    }
    if (!hasClause(rule.items, 'ensures')) {
        accept('error', `Rule '${rule.name}' has no 'ensures:' clause, so it changes nothing. Add 'ensures:' with its outcome.`,
            { node: rule, property: 'name', code: IssueCodes.RuleMissingEnsures });
    }
    const temporal = triggers.find(t => isTemporalComparison(t.trigger?.expr));
    if (temporal && !hasClause(rule.items, 'requires')) {
        accept('warning', `Rule '${rule.name}' has a temporal trigger, which stays true after the rule fires. Add a 'requires:' guard so it fires once.`,
            { node: temporal, code: IssueCodes.TemporalMissingGuard });
    }
}


/** Whether `keyword:` appears among the items, directly or inside `if`/`for` blocks. */
function hasClause(items: ast.BlockItem[], keyword: string): boolean {
    return items.some(item => (ast.isAssignment(item) && item.name === keyword)
        || (ast.isIfBlock(item) && (item.branches.some(b => hasClause(b.body?.items ?? [], keyword)) || hasClause(item.elseBody?.items ?? [], keyword)))
        || (ast.isForBlock(item) && hasClause(item.body?.items ?? [], keyword)));
}
