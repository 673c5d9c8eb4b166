import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { identName, startsUppercase, valueItems } from '../ast/ast-views.js';

const BUILT_IN = new Set(['config', 'now', 'this', 'within', 'true', 'false', 'null']);
const WALKED = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'and', 'or', 'implies', '+', '-', '*', '/']);

/** `x.field` in a rule's requires/ensures needs `x` bound: by the trigger, a let, a for, `given` or a default. */
export function checkRuleBindings(module: ast.Module, accept: ValidationAcceptor): void {
    const moduleBound = new Set<string>();
    for (const d of module.declarations) {
        if (ast.isGivenDecl(d)) {
            d.items.filter(ast.isAssignment).forEach(a => moduleBound.add(a.name));
        } else if (ast.isDefaultDecl(d)) {
            moduleBound.add(d.name);
        }
    }
    for (const rule of module.declarations.filter(ast.isRuleDecl)) {
        const bound = new Set(moduleBound);
        for (const clause of rule.items.filter(ast.isTriggerClause)) {
            if (clause.trigger?.binding) {
                bound.add(clause.trigger.binding.name);
            } else if (clause.trigger) {
                triggerNames(clause.trigger.expr, bound);
            }
        }
        const report = (node: ast.NameRef) => accept('error',
            `'${node.ref.$refText}' is not bound anywhere rule '${rule.name}' can see: not by its trigger, a let, a for, a given or a default. Bind it (e.g. when: Event(${node.ref.$refText})), or fix the name.`,
            { node, code: IssueCodes.RuleUndefinedBinding });
        checkItems(rule.items, bound, report);
    }
}

function triggerNames(expr: AstNode | undefined, out: Set<string>): void {
    if (ast.isCall(expr)) {
        for (const arg of expr.args) {
            const name = arg.name ?? identName(arg.value);
            if (name) {
                out.add(name);
            }
        }
    } else if (ast.isBinaryExpr(expr) && (expr.operator === 'or' || expr.operator === 'and')) {
        triggerNames(expr.left, out);
        triggerNames(expr.right, out);
    }
}

type Report = (node: ast.NameRef) => void;

function checkItems(items: ast.BlockItem[], parent: Set<string>, report: Report): void {
    const bound = new Set(parent);
    items.filter(ast.isLetItem).forEach(l => bound.add(l.name));
    for (const item of items) {
        if (ast.isAssignment(item) && (item.name === 'requires' || item.name === 'ensures')) {
            checkBlock(valueItems(item.value), bound, report);
        } else if (ast.isIfBlock(item)) {
            item.branches.forEach(b => checkItems(b.body?.items ?? [], bound, report));
            checkItems(item.elseBody?.items ?? [], bound, report);
        } else if (ast.isForBlock(item)) {
            checkItems(item.body?.items ?? [], withLoop(bound, item.binding), report);
        }
    }
}

function withLoop(bound: Set<string>, binding: ast.ForBinding | undefined): Set<string> {
    const inner = new Set(bound);
    binding?.names.forEach(n => inner.add(n.name));
    return inner;
}

function checkBlock(items: AstNode[], parent: Set<string>, report: Report): void {
    const bound = new Set(parent);
    for (const item of items) {
        if (ast.isLetExpr(item)) {
            checkRoots(item.value, bound, report);
            bound.add(item.name);
        } else {
            checkRoots(item, bound, report);
        }
    }
}

function checkRoots(node: AstNode | undefined, bound: Set<string>, report: Report): void {
    if (ast.isMemberAccess(node)) {
        const name = identName(node.receiver);
        if (name && !startsUppercase(name) && !bound.has(name) && !BUILT_IN.has(name)) {
            report(node.receiver as ast.NameRef);
        }
    } else if (ast.isBinaryExpr(node) && WALKED.has(node.operator)) {
        checkRoots(node.left, bound, report);
        checkRoots(node.right, bound, report);
    } else if (ast.isUnaryExpr(node)) {
        checkRoots(node.operand, bound, report);
    } else if (ast.isForExpr(node)) {
        checkRoots(node.collection, bound, report);
        checkBlock(valueItems(node.body), withLoop(bound, node.binding), report);
    } else if (ast.isIfExpr(node)) {
        for (const branch of node.branches) {
            checkRoots(branch.condition, bound, report);
            checkBlock(valueItems(branch.body), bound, report);
        }
        checkBlock(valueItems(node.elseBody), bound, report);
    } else if (ast.isCall(node)) {
        if (!ast.isMemberAccess(node.callee)) {
            checkRoots(node.callee, bound, report);
        }
        const inner = new Set(bound);
        node.args.forEach(a => ast.isLambda(a.value) && identName(a.value.param) && inner.add(identName(a.value.param)!));
        node.args.forEach(a => checkRoots(ast.isLambda(a.value) ? a.value.body : a.value, inner, report));
    } else if (ast.isExprBlock(node) || ast.isBranchBody(node)) {
        checkBlock(node.items, bound, report);
    }
}
