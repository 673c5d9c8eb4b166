import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, calleeName, clausesOf, startsUppercase, valueItems } from './ast-views.js';

/**
 * Triggers a module makes happen: those its surfaces provide and those its rules emit. With `alias`, also those it
 * names through that import (`alias/Trigger`), by their name in the imported file.
 */
export function offeredTriggers(module: ast.Module, alias?: string): Set<string> {
    const offered = new Set<string>();
    const offer = (callee: ast.NameRef) => {
        const name = alias && callee.ref.$refText.startsWith(`${alias}/`) ? callee.ref.$refText.slice(alias.length + 1) : callee.ref.$refText;
        if (startsUppercase(name) && !name.includes('/')) {
            offered.add(name);
        }
    };
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'provides')) {
            clause.value.flatMap(node => providedTriggers(node, alias)).forEach(offer);
        }
    }
    for (const rule of blocks(module, ast.isRuleDecl)) {
        for (const clause of clausesOf(rule.items).filter(c => c.keyword === 'ensures')) {
            leadingCalls(clause.value[0], alias).forEach(offer);
        }
    }
    return offered;
}

/** A call's name, when it can be a trigger: capitalised, or `alias/Capitalised` for the given alias. */
function triggerCallee(node: AstNode | undefined, alias: string | undefined): ast.NameRef | undefined {
    const callee = ast.isCall(node) && ast.isNameRef(node.callee) ? node.callee : undefined;
    const name = callee?.ref.$refText;
    return name && (!name.includes('/') || alias !== undefined) && (startsUppercase(name) || (alias !== undefined && name.startsWith(`${alias}/`) && startsUppercase(name.slice(alias.length + 1)))) ? callee : undefined;
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
export function providedTriggers(node: AstNode | undefined, alias?: string): ast.NameRef[] {
    const callee = triggerCallee(node, alias);
    if (callee) {
        return [callee];
    }
    if (ast.isWhenGuard(node)) {
        return providedTriggers(node.action, alias);
    }
    if (ast.isIfExpr(node)) {
        return [...node.branches.flatMap(b => valueItems(b.body)), ...valueItems(node.elseBody)].flatMap(n => providedTriggers(n, alias));
    }
    return ast.isForExpr(node) ? valueItems(node.body).flatMap(n => providedTriggers(n, alias)) : [];
}

/** Only the leading call of an ensures value counts as an emission, as in the reference checker. */
function leadingCalls(node: AstNode | undefined, alias: string | undefined): ast.NameRef[] {
    const callee = triggerCallee(node, alias);
    if (callee) {
        return [callee];
    }
    if (ast.isIfExpr(node)) {
        return [...node.branches.flatMap(b => leadingCalls(valueItems(b.body)[0], alias)), ...leadingCalls(valueItems(node.elseBody)[0], alias)];
    }
    return ast.isForExpr(node) ? leadingCalls(valueItems(node.body)[0], alias) : [];
}
