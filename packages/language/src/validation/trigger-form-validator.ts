import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** A rule's `when:` must be one of the trigger forms; external-stimulus parameters are bare names. */
export function checkTriggerForm(clause: ast.TriggerClause, accept: ValidationAcceptor): void {
    const rule = clause.$container;
    if (!ast.isRuleDecl(rule) || !clause.trigger) {
        return;
    }
    const trigger = clause.trigger;
    const valid = trigger.binding ? isBoundTrigger(trigger.expr) : isTrigger(trigger.expr);
    if (!valid) {
        accept('error', `Rule '${rule.name}' uses an unsupported trigger form in 'when:'. Use an event call (Event(a, b)), 'x: Entity.created', 'x: Entity.field transitions_to v', 'x: Entity.field becomes v', or a temporal 'x: Entity.field <= now'.`,
            { node: clause, code: 'allium.rule.invalidTrigger' });
        return;
    }
    const named = trigger.binding ? undefined : firstNamedParam(trigger.expr);
    if (named?.name) {
        accept('error', `Rule '${rule.name}' trigger parameter '${named.name}' uses a 'name: value' form. Trigger parameters are bare names (optionally with '?', or '_' to discard); 'name: value' belongs in trigger emissions. Write '${named.name}' alone.`,
            { node: named, property: 'name', code: 'allium.rule.invalidTrigger' });
    }
}

function isBoundTrigger(expr: AstNode): boolean {
    return ast.isMemberAccess(expr) || (ast.isBinaryExpr(expr) && (expr.operator === 'transitions_to' || expr.operator === 'becomes' || COMPARISONS.has(expr.operator)));
}

function isTrigger(expr: AstNode): boolean {
    if (ast.isCall(expr)) {
        return ast.isNameRef(expr.callee) || ast.isMemberAccess(expr.callee);
    }
    if (ast.isBinaryExpr(expr) && expr.operator === 'or') {
        return isTrigger(expr.left) && isTrigger(expr.right);
    }
    return ast.isBinaryExpr(expr) && COMPARISONS.has(expr.operator) && ast.isMemberAccess(expr.left);
}

function firstNamedParam(expr: AstNode): ast.CallArg | undefined {
    if (ast.isCall(expr)) {
        return expr.args.find(a => a.name !== undefined);
    }
    if (ast.isBinaryExpr(expr) && expr.operator === 'or') {
        return firstNamedParam(expr.left) ?? firstNamedParam(expr.right);
    }
    return undefined;
}
