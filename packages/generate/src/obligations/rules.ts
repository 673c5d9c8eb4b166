import * as ast from '@allium/language';
import type { AstNode } from 'langium';
import { isTemporalTrigger, ruleDependencies } from './dependencies.js';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';
import { clausesNamed, createdEntity, valueItems } from './rule-clauses.js';

/**
 * A rule: it succeeds when every `requires:` holds, is refused when any one fails (one test each), creates what its
 * `ensures:` clauses create, and, with a temporal trigger, fires once when its deadline passes. What the rule
 * touches is worked out only when asked for (`withDependencies`).
 */
export function ruleObligations(rule: ast.RuleDecl, owner: string, withDependencies: boolean): Obligation[] {
    const name = rule.name;
    const base = { construct: name, owner, ...withDependencies ? { dependencies: ruleDependencies(rule) } : {} };
    const success: Obligation = {
        ...base, id: `rule-success.${name}`, category: 'rule_success', span: spanOf(rule),
        description: `${name} takes effect when all of its preconditions hold`
    };
    const out: Obligation[] = [];
    const trigger = rule.items.find(ast.isTriggerClause);
    if (trigger && isTemporalTrigger(trigger.trigger?.expr)) {
        out.push({
            ...base, id: `temporal.${name}`, category: 'temporal', span: spanOf(trigger),
            description: `${name} fires once its deadline has passed, not earlier, and only once`
        });
    }
    clausesNamed(rule.items, 'requires').forEach((clause, index) => out.push({
        ...base, id: `rule-failure.${name}.${index + 1}`, category: 'rule_failure', span: spanOf(clause),
        description: `${name} is refused, changing nothing, when precondition ${index + 1} (${clause.value?.$cstNode?.text.replace(/\s+/g, ' ') ?? ''}) does not hold`
    }));
    // A rule fired by a creation (`when: Invitation.created()`) tests that creation; an `ensures:` clause tests those
    // it writes as outcomes of their own. A creation inside a conditional or a loop is that branch's business.
    const triggered = createdEntity(trigger?.trigger?.expr);
    const creating: Array<{ clause: AstNode; entities: string[] }> = [
        ...trigger && triggered ? [{ clause: trigger, entities: [triggered] }] : [],
        ...clausesNamed(rule.items, 'ensures').map(clause => ({ clause, entities: directCreations(clause) })).filter(c => c.entities.length > 0)
    ];
    creating.forEach(({ clause, entities }, index) => out.push({
        ...base, id: `rule-entity-creation.${name}.${index + 1}`, category: 'rule_entity_creation', span: spanOf(clause),
        description: `${name} creates ${entities.join(', ')} with the fields it gives`
    }));
    // After the success case, the others in the order of the clauses they come from, as the reference lists them.
    return [success, ...out.sort((a, b) => a.span.start - b.span.start)];
}

/**
 * The entities an `ensures:` clause creates as outcomes of their own. A creation bound by `let user = User.created(...)`
 * is a step towards the others, not an outcome: the reference gives it no obligation of its own.
 */
function directCreations(clause: ast.Assignment): string[] {
    return valueItems(clause.value).map(createdEntity).filter((e): e is string => e !== undefined);
}
