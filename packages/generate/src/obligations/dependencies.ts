import * as ast from '@allium/language';
import { AstUtils, type AstNode } from 'langium';
import type { RuleDependencies } from './obligation.js';
import { clausesNamed, createdEntity, entityOf, isOutcomeAssignment, localEntity } from './rule-clauses.js';

/**
 * What a rule touches, for the tests of its obligations to set up and check: the entities it creates, reads (in
 * its trigger and preconditions; `let` bindings only name things) and writes (in its outcomes), the events it
 * emits, and what fires it. Only the spec's own entities count, and a variable's is the one its name names (see
 * `entityOf`), as for the reference.
 */
export function ruleDependencies(rule: ast.RuleDecl): RuleDependencies {
    const trigger = rule.items.find(ast.isTriggerClause)?.trigger;
    const outcomes = outcomesOf(rule);
    const conditions = clausesNamed(rule.items, 'requires').flatMap(c => nodesBelow(c.value));
    // Entities of imported specs (`feedback/Request`) are the other spec's to test.
    const created = names(outcomes.map(createdEntity)).filter(name => !name.includes('/'));
    const emitted = names(outcomes.map(emittedEvent));
    const read = names([triggerEntity(trigger), ...conditions.map(n => readEntity(n))]);
    const written = names(outcomes.map(n => isOutcomeAssignment(n) ? entityOf(n.left.receiver)?.name : undefined));
    return {
        ...created.length > 0 ? { entities_created: created } : {},
        ...read.length > 0 ? { entities_read: read } : {},
        ...written.length > 0 ? { entities_written: written } : {},
        ...emitted.length > 0 ? { trigger_emissions: emitted } : {},
        trigger_source: triggerSource(rule, trigger?.expr)
    };
}

/**
 * What a precondition reads: a field of a variable (`order.status`, not a method `workspace.allows(x)`), whether a
 * lookup finds one (`not exists User{email: email}`; `exists user` alone reads no field, and the reference does not
 * count it), whether one was created (`Issue.created(code: c)`). Only entities the spec declares count.
 */
function readEntity(node: AstNode): string | undefined {
    const created = createdEntity(node);
    if (created) {
        return localEntity(created, node)?.name;
    }
    if (ast.isMemberAccess(node) && !(ast.isCall(node.$container) && node.$container.callee === node)) {
        return entityOf(node.receiver)?.name;
    }
    if (ast.isUnaryExpr(node) && node.op === 'exists' && ast.isJoinLookup(node.operand) && ast.isNameRef(node.operand.entity)) {
        return localEntity(node.operand.entity.ref.$refText, node)?.name;
    }
    return undefined;
}

/**
 * `OrderShipped(order)` in an outcome: an event, named in capitals unlike a function call (`hash(password)`), also
 * as an argument of another (`Computed(Current())`), but not a value an outcome compares (`Blocked(order) = false`).
 */
function emittedEvent(node: AstNode): string | undefined {
    return ast.isCall(node) && ast.isNameRef(node.callee) && /^[A-Z]/.test(node.callee.ref.$refText) && !ast.isBinaryExpr(node.$container)
        ? node.callee.ref.$refText : undefined;
}

function triggerSource(rule: ast.RuleDecl, expr: AstNode | undefined): RuleDependencies['trigger_source'] {
    if (isTemporalTrigger(expr)) {
        return 'temporal';
    }
    if (ast.isBinaryExpr(expr) && (expr.operator === 'transitions_to' || expr.operator === 'becomes')) {
        return 'state_transition';
    }
    // `Invitation.created()`; a bound `invitation: Invitation.created` counts as an outside event, as in the reference.
    if (createdEntity(expr) !== undefined) {
        return 'creation';
    }
    // An event some rule emits, this one included, chains the rules; any other event comes from outside.
    const event = ast.isCall(expr) && ast.isNameRef(expr.callee) ? expr.callee.ref.$refText : undefined;
    return event !== undefined && eventsEmitted(AstUtils.findRootNode(rule) as ast.Module).has(event) ? 'chained' : 'external';
}

/** The events a module's rules emit: asked once per rule, worked out once per parse of the spec (see `treeMemo`). */
const eventsEmitted = ast.treeMemo((module: ast.Module) => new Set(module.declarations.filter(ast.isRuleDecl)
    .flatMap(rule => outcomesOf(rule).map(emittedEvent)).filter((e): e is string => e !== undefined)));

/** Every node of a rule's `ensures:` clauses. */
function outcomesOf(rule: ast.RuleDecl): AstNode[] {
    return clausesNamed(rule.items, 'ensures').flatMap(c => nodesBelow(c.value));
}

/**
 * The entity a trigger is about: the first one it names outside the arguments of an event
 * (`order: Order.status becomes shipped`, `Invitation.created()`, `now >= Task.due`, not `Tick(Order)`).
 */
function triggerEntity(trigger: ast.Trigger | undefined): string | undefined {
    for (const node of nodesBelow(trigger?.expr)) {
        const entity = ast.isNameRef(node) && !AstUtils.getContainerOfType(node, ast.isCallArg) ? localEntity(node.ref.$refText, node) : undefined;
        if (entity) {
            return entity.name;
        }
    }
    return undefined;
}

/**
 * A deadline, as the reference recognises one: a field's time (plus an offset) compared with a bare `now` on the
 * right. `now >= task.due` and `task.due <= now - 1.day` are, for it, events from outside.
 */
export function isTemporalTrigger(expr: AstNode | undefined): boolean {
    return ast.isBinaryExpr(expr) && COMPARISONS.has(expr.operator) && ast.isNowLiteral(expr.right);
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

function names(found: Array<string | undefined>): string[] {
    return [...new Set(found.filter((n): n is string => n !== undefined))].sort();
}

function nodesBelow(value: AstNode | undefined): AstNode[] {
    return value ? AstUtils.streamAst(value).toArray() : [];
}
