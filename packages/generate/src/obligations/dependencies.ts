import * as ast from '@allium/language';
import { AstUtils, type AstNode } from 'langium';
import type { RuleDependencies } from './obligation.js';
import { clausesIn, createdEntity, entityOf, isOutcomeAssignment } from './rule-clauses.js';

/**
 * What a rule touches, for the tests of its obligations to set up and check: the entities it creates, reads (in
 * its trigger, bindings and preconditions) and writes (in its outcomes), the events it emits, and what fires it.
 */
export function ruleDependencies(rule: ast.RuleDecl, types: ast.SpecTypes): RuleDependencies {
    const trigger = rule.items.find(ast.isTriggerClause)?.trigger;
    const clauses = clausesIn(rule.items);
    const outcomes = clauses.filter(c => ast.isAssignment(c) && c.name === 'ensures').flatMap(c => nodesBelow(c.value));
    const conditions = clauses.filter(c => !ast.isAssignment(c) || c.name === 'requires').flatMap(c => nodesBelow(c.value));
    const created = names(outcomes.map(createdEntity));
    const emitted = names(outcomes.map(emittedEvent));
    const read = names([
        triggerEntity(trigger, types),
        ...conditions.map(n => ast.isJoinLookup(n) && ast.isNameRef(n.entity) ? n.entity.ref.$refText : undefined),
        ...conditions.map(n => ast.isMemberAccess(n) && ast.isNameRef(n.receiver) ? entityOf(n.receiver, types)?.name : undefined),
        ...conditions.map(n => ast.isUnaryExpr(n) && n.op === 'exists' && ast.isNameRef(n.operand) ? entityOf(n.operand, types)?.name : undefined)
    ]);
    const written = names(outcomes.map(n => isOutcomeAssignment(n) ? entityOf(n.left.receiver, types)?.name : undefined));
    return {
        ...created.length > 0 ? { entities_created: created } : {},
        ...read.length > 0 ? { entities_read: read } : {},
        ...written.length > 0 ? { entities_written: written } : {},
        ...emitted.length > 0 ? { trigger_emissions: emitted } : {},
        trigger_source: triggerSource(rule, trigger?.expr)
    };
}

/** `OrderShipped(order)`: an event, named in capitals, unlike a function call (`hash(password)`). */
function emittedEvent(node: AstNode): string | undefined {
    return ast.isCall(node) && ast.isNameRef(node.callee) && /^[A-Z]/.test(node.callee.ref.$refText) ? node.callee.ref.$refText : undefined;
}

function triggerSource(rule: ast.RuleDecl, expr: AstNode | undefined): RuleDependencies['trigger_source'] {
    if (ast.isTemporalComparison(expr)) {
        return 'temporal';
    }
    if (ast.isBinaryExpr(expr) && (expr.operator === 'transitions_to' || expr.operator === 'becomes')) {
        return 'state_transition';
    }
    if (createdEntity(expr) !== undefined || (ast.isMemberAccess(expr) && expr.member.$refText === 'created')) {
        return 'creation';
    }
    // An event another rule emits chains the two rules; any other event comes from outside.
    const event = expr && emittedEvent(expr);
    const module = AstUtils.findRootNode(rule) as ast.Module;
    const chained = event !== undefined && [...emittersOf(module).get(event) ?? []].some(other => other !== rule);
    return chained ? 'chained' : 'external';
}

/** The entity a trigger is about: `order: Order.status becomes shipped`, `Invitation.created()`. */
function triggerEntity(trigger: ast.Trigger | undefined, types: ast.SpecTypes): string | undefined {
    const subject = ast.leftmostName(trigger?.expr);
    const type = subject && trigger && types.findType(subject.ref.$refText, trigger);
    return type && ast.isEntityDecl(type) ? type.name : undefined;
}

function names(found: Array<string | undefined>): string[] {
    return [...new Set(found.filter((n): n is string => n !== undefined))].sort();
}

// Keyed by AST nodes, which a new parse replaces, so an entry never outlives the text it was read from.
const emitters = new WeakMap<ast.Module, Map<string, Set<ast.RuleDecl>>>();

/** For each event a rule of the module emits in an ensures, the rules that do: read once per module, not per rule. */
function emittersOf(module: ast.Module): Map<string, Set<ast.RuleDecl>> {
    let found = emitters.get(module);
    if (!found) {
        found = new Map();
        for (const rule of module.declarations.filter(ast.isRuleDecl)) {
            for (const clause of clausesIn(rule.items).filter(c => ast.isAssignment(c) && c.name === 'ensures')) {
                for (const event of nodesBelow(clause.value).map(emittedEvent).filter((e): e is string => e !== undefined)) {
                    found.set(event, (found.get(event) ?? new Set()).add(rule));
                }
            }
        }
        emitters.set(module, found);
    }
    return found;
}

function nodesBelow(value: AstNode | undefined): AstNode[] {
    return value ? AstUtils.streamAst(value).toArray() : [];
}
