import * as ast from '@allium/language';
import { ruleDependencies } from './dependencies.js';
import type { Obligation } from './obligation.js';
import { spanOf } from './obligation.js';
import { clausesNamed, createdEntity, valueItems } from './rule-clauses.js';

/**
 * A rule: it succeeds when every `requires:` holds, is refused when any one fails (one test each), creates what its
 * `ensures:` clauses create, and, with a temporal trigger, fires once when its deadline passes.
 */
export function ruleObligations(rule: ast.RuleDecl, owner: string, types: ast.SpecTypes): Obligation[] {
    const name = rule.name;
    const dependencies = ruleDependencies(rule, types);
    const base = { construct: name, owner, dependencies };
    const out: Obligation[] = [{
        ...base, id: `rule-success.${name}`, category: 'rule_success', span: spanOf(rule),
        description: `${name} takes effect when all of its preconditions hold`
    }];
    const trigger = rule.items.find(ast.isTriggerClause);
    if (trigger && dependencies.trigger_source === 'temporal') {
        out.push({
            ...base, id: `temporal.${name}`, category: 'temporal', span: spanOf(trigger),
            description: `${name} fires once its deadline has passed, not earlier, and only once`
        });
    }
    clausesNamed(rule.items, 'requires').forEach((clause, index) => out.push({
        ...base, id: `rule-failure.${name}.${index + 1}`, category: 'rule_failure', span: spanOf(clause),
        description: `${name} is refused, changing nothing, when precondition ${index + 1} (${clause.value?.$cstNode?.text ?? ''}) does not hold`
    }));
    // Only a creation written as an outcome of its own: one inside a conditional or a loop is that branch's business.
    clausesNamed(rule.items, 'ensures').flatMap(c => valueItems(c.value).filter(i => createdEntity(i) !== undefined)).forEach((creation, index) => out.push({
        ...base, id: `rule-entity-creation.${name}.${index + 1}`, category: 'rule_entity_creation', span: spanOf(creation),
        description: `${name} creates a ${createdEntity(creation)} with the fields its ensures clause gives`
    }));
    return out;
}
