import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, calleeName, clausesOf, startsUppercase, valueItems } from './ast-views.js';

/**
 * A rule that listens for an external trigger (`when: ShipOrder(order)`) which no surface in this file provides
 * and no rule emits can only fire from outside the spec.
 */
export function checkTriggerReachability(module: ast.Module, accept: ValidationAcceptor): void {
    const provided = new Set<string>();
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'provides')) {
            clause.value.forEach(value => collectCallNames(value, provided));
        }
    }
    const emitted = new Set<string>();
    const rules = blocks(module, ast.isRuleDecl);
    for (const rule of rules) {
        for (const clause of clausesOf(rule.items).filter(c => c.keyword === 'ensures')) {
            collectLeadingCall(clause.value[0], emitted);
        }
    }
    for (const rule of rules) {
        for (const item of rule.items.filter(ast.isTriggerClause)) {
            if (!item.trigger || item.trigger.binding) {
                continue;
            }
            for (const trigger of triggerCalls(item.trigger.expr)) {
                const name = trigger.ref.$refText;
                if (!provided.has(name) && !emitted.has(name)) {
                    accept('info', `Rule '${rule.name}' listens for trigger '${name}' but no local surface provides or rule emits it. Add it to a surface's provides: clause, or emit it from a rule's ensures:.`,
                        { node: trigger, code: 'allium.rule.unreachableTrigger' });
                }
            }
        }
    }
}

function triggerCalls(expr: AstNode | undefined): ast.NameRef[] {
    if (ast.isBinaryExpr(expr) && (expr.operator === 'or' || expr.operator === 'and' || expr.operator === 'implies')) {
        return [...triggerCalls(expr.left), ...triggerCalls(expr.right)];
    }
    const callee = calleeName(expr);
    return callee && startsUppercase(callee.ref.$refText) ? [callee] : [];
}

function collectCallNames(node: AstNode | undefined, out: Set<string>): void {
    const callee = calleeName(node);
    if (callee && startsUppercase(callee.ref.$refText)) {
        out.add(callee.ref.$refText);
    } else if (ast.isWhenGuard(node)) {
        collectCallNames(node.action, out);
    } else if (ast.isIfExpr(node)) {
        node.branches.forEach(b => valueItems(b.body).forEach(i => collectCallNames(i, out)));
        valueItems(node.elseBody).forEach(i => collectCallNames(i, out));
    } else if (ast.isForExpr(node)) {
        valueItems(node.body).forEach(i => collectCallNames(i, out));
    }
}

/** Only the leading call of an ensures value counts as an emission, as in the reference checker. */
function collectLeadingCall(node: AstNode | undefined, out: Set<string>): void {
    const callee = calleeName(node);
    if (callee && startsUppercase(callee.ref.$refText)) {
        out.add(callee.ref.$refText);
    } else if (ast.isIfExpr(node)) {
        node.branches.forEach(b => collectLeadingCall(valueItems(b.body)[0], out));
        collectLeadingCall(valueItems(node.elseBody)[0], out);
    } else if (ast.isForExpr(node)) {
        collectLeadingCall(valueItems(node.body)[0], out);
    }
}
