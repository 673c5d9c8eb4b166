import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';
import { clausesNamed, entityOf, isOutcomeAssignment, valueItems } from './rule-clauses.js';

/** `status = shipped | delivered` of a `when`-qualified field (the reference reads no other form). */
export interface WhenStates {
    statusField: string;
    states: string[];
}

export function whenStates(field: ast.Assignment): WhenStates | undefined {
    const guard = field.value;
    if (!ast.isWhenGuard(guard) || !ast.isBinaryExpr(guard.condition) || !ast.isNameRef(guard.condition.left)) {
        return undefined;
    }
    const states = guard.condition.operator === '=' ? ast.pipeNames(guard.condition.right) : [];
    return states.length > 0 ? { statusField: guard.condition.left.ref.$refText, states } : undefined;
}

/**
 * A rule that moves an entity's status (`order.status = shipped`) into or out of the states a `when`-qualified field
 * exists in must set or clear that field. The states it moves from are those its preconditions allow
 * (`requires: order.status = picking`) that the graph lets move to the target, or unknown when no precondition
 * says. As in the reference, only a status with a transition graph counts, and only a move the rule always makes:
 * an outcome of a top-level `ensures:`, not one under `if` or `for`.
 */
export function whenTransitionObligations(rule: ast.RuleDecl, owner: string): Obligation[] {
    const out: Obligation[] = [];
    const ensures = rule.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && i.name === 'ensures');
    for (const outcome of ensures.flatMap(c => valueItems(c.value)).filter(isOutcomeAssignment)) {
        const entity = entityOf(outcome.left.receiver);
        const statusField = outcome.left.member.$refText;
        const target = ast.isNameRef(outcome.right) ? outcome.right.ref.$refText : undefined;
        const graph = entity?.items.find((i): i is ast.TransitionsBlock => ast.isTransitionsBlock(i) && i.field === statusField);
        if (!entity || !target || !graph) {
            continue;
        }
        const allowed = sourceStates(rule, outcome.left);
        const sources = allowed ? allowed.filter(s => graph.edges.some(e => e.from?.name === s && e.to?.name === target)) : ['unknown'];
        for (const field of entity.items.filter(ast.isAssignment)) {
            const when = whenStates(field);
            if (!when || when.statusField !== statusField) {
                continue;
            }
            const entering = when.states.includes(target);
            // Entering, the field appears unless it was there already; leaving, it goes if it was there.
            const source = entering ? sources.find(s => !when.states.includes(s)) : sources.find(s => when.states.includes(s));
            if (source === undefined) {
                continue;
            }
            const category = entering ? 'when_set' : 'when_clear';
            out.push({
                id: `${entering ? 'when-set' : 'when-clear'}.${rule.name}.${entity.name}.${field.name}`, category, construct: rule.name, owner,
                span: spanOf(rule),
                description: `${rule.name}, moving ${entity.name}.${statusField} from ${source} to ${target}, ${entering ? 'sets' : 'clears'} ${entity.name}.${field.name}`,
                detail: { entity: entity.name, field: field.name, qualifying_states: when.states, rule: rule.name, source_state: source, target_state: target }
            });
        }
    }
    return out;
}

/** The states `requires:` allows `subject` (`order.status`) to be in: `= pending`, `in {pending, confirmed}`; undefined if none says. */
function sourceStates(rule: ast.RuleDecl, subject: ast.MemberAccess): string[] | undefined {
    const text = subject.$cstNode?.text;
    for (const clause of clausesNamed(rule.items, 'requires')) {
        const condition = clause.value;
        if (ast.isBinaryExpr(condition) && condition.left.$cstNode?.text === text) {
            if (condition.operator === '=' && ast.isNameRef(condition.right)) {
                return [condition.right.ref.$refText];
            }
            if (condition.operator === 'in' && ast.isSetLiteral(condition.right)) {
                return condition.right.elements.flatMap(e => ast.pipeNames(e));
            }
        }
    }
    return undefined;
}
