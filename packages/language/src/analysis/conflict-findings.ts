import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { bare, COMPARISON, eachOutcome, isBinary, LOGICAL, memberOf, plainName, ruleClauses } from './expression-shapes.js';
import { assignmentOf, entityFor, type Lifecycles } from './lifecycle-facts.js';
import type { Conflict } from './process-finding.js';

/** How a rule is triggered: by a named call, by a change of state or time, or otherwise. */
type TriggerKind = { call: string } | 'temporal' | 'unknown';

interface StatusRule {
    name: string;
    trigger: TriggerKind;
    /** Entity → the statuses the rule requires it to be in. */
    requires: Map<string, Set<string>>;
    /** Entity → the status the rule sets (the last one it writes). */
    sets: Map<string, string>;
}

const NO_BINDINGS = new Map<string, string>();

/**
 * Pairs of rules that can fire in the same state of an entity and set its status to different values. Two rules
 * each answering a call of their own are not a conflict: the caller picks one. A rule's entity is found from the
 * variable's name or from the status values it reads and writes, not from its trigger.
 */
export function conflictFindings(module: ast.Module, facts: Lifecycles): Conflict[] {
    if (facts.statuses.size === 0) {
        return [];
    }
    const rules = module.declarations.filter(ast.isRuleDecl).filter(rule => rule.name).map(rule => statusRule(rule, facts.statuses));
    const out: Conflict[] = [];
    rules.forEach((a, i) => {
        for (const b of rules.slice(i + 1)) {
            if (typeof a.trigger === 'object' && typeof b.trigger === 'object') {
                continue;
            }
            const state = sharedState(a, b);
            if (state === undefined) {
                continue;
            }
            const clash = [...a.sets].find(([entity, target]) => b.sets.has(entity) && b.sets.get(entity) !== target);
            if (clash) {
                const [entity, aTarget] = clash;
                out.push({
                    type: 'conflict',
                    summary: `Rules '${a.name}' and '${b.name}' can both fire when entity '${entity}' is in state '${state}', setting status to conflicting values`,
                    rule_a: a.name,
                    rule_b: b.name,
                    field: 'status',
                    state,
                    values: { [a.name]: aTarget, [b.name]: b.sets.get(entity)! },
                    affected_entities: [entity]
                });
            }
        }
    });
    return out;
}

/** A status of some entity both rules may require it to be in. */
function sharedState(a: StatusRule, b: StatusRule): string | undefined {
    for (const [entity, states] of a.requires) {
        const shared = [...states].find(s => b.requires.get(entity)?.has(s));
        if (shared !== undefined) {
            return shared;
        }
    }
    return undefined;
}

function statusRule(rule: ast.RuleDecl, statuses: Map<string, Set<string>>): StatusRule {
    let trigger: TriggerKind = 'unknown';
    for (const when of ruleClauses(rule.items, 'when')) {
        trigger = triggerKind((when as ast.Trigger).expr);
    }
    const requires = new Map<string, Set<string>>();
    for (const value of ruleClauses(rule.items, 'requires')) {
        requiredStatuses(value, statuses, requires);
    }
    const sets = new Map<string, string>();
    for (const value of ruleClauses(rule.items, 'ensures')) {
        eachOutcome(value, line => {
            const assignment = assignmentOf(line);
            if (assignment?.path.length === 2 && assignment.path[1] === 'status' && assignment.value !== undefined) {
                const entity = entityFor(assignment.path[0], assignment.value, NO_BINDINGS, statuses);
                if (entity !== undefined) {
                    sets.set(entity, assignment.value);
                }
            }
        });
    }
    return { name: rule.name, trigger, requires, sets };
}

function triggerKind(node: AstNode | undefined): TriggerKind {
    const n = bare(node);
    if (ast.isCall(n)) {
        const name = plainName(n.callee);
        return name === undefined ? 'unknown' : { call: name };
    }
    return isBinary(n, ...COMPARISON, 'becomes', 'transitions_to') ? 'temporal' : 'unknown';
}

/** `binding.status = value` preconditions, also those joined by `and`, `or` and `implies`. */
function requiredStatuses(node: AstNode | undefined, statuses: Map<string, Set<string>>, out: Map<string, Set<string>>): void {
    const n = bare(node);
    if (ast.isExprBlock(n)) {
        n.items.forEach(item => requiredStatuses(item, statuses, out));
    } else if (isBinary(n, ...LOGICAL)) {
        requiredStatuses(n.left, statuses, out);
        requiredStatuses(n.right, statuses, out);
    } else if (isBinary(n, '=')) {
        const member = memberOf(n.left);
        const value = plainName(n.right);
        const entity = member && member[1] === 'status' && value !== undefined ? entityFor(member[0], value, NO_BINDINGS, statuses) : undefined;
        if (entity !== undefined) {
            (out.get(entity) ?? out.set(entity, new Set()).get(entity)!).add(value!);
        }
    }
}
