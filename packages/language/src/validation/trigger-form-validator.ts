import { IssueCodes } from '../diagnostics/catalogue.js';
import { startOfLine } from '../line-bounds.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/** A rule's `when:` must be one of the trigger forms; external-stimulus parameters are bare names. */
export function checkTriggerForm(clause: ast.TriggerClause, accept: ValidationAcceptor): void {
    const rule = clause.$container;
    if (!ast.isRuleDecl(rule)) {
        return;
    }
    if (!clause.trigger) {
        if (emptyInSource(clause)) {
            accept('error', `The 'when:' of rule '${rule.name}' is empty. Write its trigger after the colon or indented below it: an event (Event(a, b)), a creation, a change or a time.`,
                { node: clause, code: IssueCodes.RuleInvalidTrigger });
        }
        return;
    }
    const trigger = clause.trigger;
    const valid = trigger.binding ? isBoundTrigger(trigger.expr) : isTrigger(trigger.expr);
    if (!valid) {
        accept('error', `The 'when:' of rule '${rule.name}' is not a trigger Allium knows. Write an event (Event(a, b)), a creation ('x: Entity.created'), a change ('x: Entity.field transitions_to v' or 'becomes v') or a time ('x: Entity.field <= now').`,
            { node: clause, code: IssueCodes.RuleInvalidTrigger });
        return;
    }
    const named = trigger.binding ? undefined : firstNamedParam(trigger.expr);
    if (named?.name) {
        accept('error', `A trigger binds plain names, so '${named.name}: ...' cannot appear in the 'when:' of rule '${rule.name}' ('name: value' is for emitting a trigger). Write '${named.name}' alone (with '?' if optional, '_' to ignore it).`,
            { node: named, property: 'name', code: IssueCodes.RuleInvalidTrigger });
    }
}

/**
 * Whether the document's text has nothing after `when:`, neither on its line nor indented below it. A trigger that
 * broke is missing from the tree as well, but its text is still there, and its syntax error is what is reported.
 */
function emptyInSource(clause: ast.TriggerClause): boolean {
    const cst = clause.$cstNode;
    if (!cst) {
        return false;
    }
    const text = cst.root.fullText;
    const indent = cst.offset - startOfLine(text, cst.offset);
    const rest = /^[ \t]*(?:--[^\n]*)?(?:\r?\n|$)/.exec(text.slice(cst.end, cst.end + 1000));
    if (!rest) {
        return false;
    }
    const next = /^(?:[ \t]*(?:--[^\n]*)?\r?\n)*([ \t]*)\S/.exec(text.slice(cst.end + rest[0].length, cst.end + rest[0].length + 10_000));
    return !next || next[1].length <= indent;
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
