import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, calleeName, clausesOf, startsUppercase, valueItems } from './ast-views.js';

/** Triggers a module makes happen: those its surfaces provide and those its rules emit. */
export function offeredTriggers(module: ast.Module): Set<string> {
    const offered = new Set<string>();
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'provides')) {
            clause.value.flatMap(providedTriggers).forEach(trigger => offered.add(trigger.ref.$refText));
        }
    }
    for (const rule of blocks(module, ast.isRuleDecl)) {
        for (const clause of clausesOf(rule.items).filter(c => c.keyword === 'ensures')) {
            collectLeadingCall(clause.value[0], offered);
        }
    }
    return offered;
}

/** The unqualified external triggers each rule listens for (`when: ShipOrder(order)`). */
export function subscriptions(module: ast.Module): { rule: ast.RuleDecl; trigger: ast.NameRef }[] {
    const found: { rule: ast.RuleDecl; trigger: ast.NameRef }[] = [];
    for (const rule of blocks(module, ast.isRuleDecl)) {
        for (const item of rule.items.filter(ast.isTriggerClause)) {
            if (item.trigger && !item.trigger.binding) {
                triggerCalls(item.trigger.expr).forEach(trigger => found.push({ rule, trigger }));
            }
        }
    }
    return found;
}

function triggerCalls(expr: AstNode | undefined): ast.NameRef[] {
    if (ast.isBinaryExpr(expr) && (expr.operator === 'or' || expr.operator === 'and' || expr.operator === 'implies')) {
        return [...triggerCalls(expr.left), ...triggerCalls(expr.right)];
    }
    const callee = calleeName(expr);
    return callee && startsUppercase(callee.ref.$refText) ? [callee] : [];
}

/** The triggers a `provides:` value offers: its calls, also behind a `when` guard or inside `if`/`for`. */
export function providedTriggers(node: AstNode | undefined): ast.NameRef[] {
    const callee = calleeName(node);
    if (callee && startsUppercase(callee.ref.$refText)) {
        return [callee];
    }
    if (ast.isWhenGuard(node)) {
        return providedTriggers(node.action);
    }
    if (ast.isIfExpr(node)) {
        return [...node.branches.flatMap(b => valueItems(b.body)), ...valueItems(node.elseBody)].flatMap(providedTriggers);
    }
    return ast.isForExpr(node) ? valueItems(node.body).flatMap(providedTriggers) : [];
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
