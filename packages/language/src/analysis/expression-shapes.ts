import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';

// The shapes of expressions the process analysis reads. It reads a spec as written, by names (as the reference
// `allium analyse` does), not through the linker: its findings are about what a spec says, and a name that does not
// resolve still says something.

/** `node` without the parentheses around it: a parenthesised group means what its inner expression means. */
export function bare(node: AstNode | undefined): AstNode | undefined {
    while (ast.isParenthesized(node)) {
        node = node.inner;
    }
    return node;
}

/** A field's value: one expression, also when it is continued on indented lines below the name. */
export function fieldValue(field: ast.Assignment): AstNode | undefined {
    return ast.isExprBlock(field.value) && field.value.items.length === 1 ? field.value.items[0] : field.value;
}

/** The name of an unqualified name reference: `order` in `order.status`; not `core/Order`. */
export function plainName(node: AstNode | undefined): string | undefined {
    const n = bare(node);
    return ast.isNameRef(n) && !n.ref.$refText.includes('/') ? n.ref.$refText : undefined;
}

/** `[binding, field]` of `binding.field` (not `binding?.field`). */
export function memberOf(node: AstNode | undefined): [string, string] | undefined {
    const n = bare(node);
    if (!ast.isMemberAccess(n) || n.optional) {
        return undefined;
    }
    const binding = plainName(n.receiver);
    return binding === undefined ? undefined : [binding, n.member.$refText];
}

/** `[root, middle, field]` of `root.middle.field`. */
export function nestedMemberOf(node: AstNode | undefined): [string, string, string] | undefined {
    const n = bare(node);
    if (!ast.isMemberAccess(n) || n.optional) {
        return undefined;
    }
    const inner = memberOf(n.receiver);
    return inner ? [inner[0], inner[1], n.member.$refText] : undefined;
}

export function isBinary(node: AstNode | undefined, ...operators: string[]): node is ast.BinaryExpr {
    return ast.isBinaryExpr(node) && operators.includes(node.operator);
}

export const LOGICAL = ['and', 'or', 'implies'];
export const COMPARISON = ['=', '!=', '<', '<=', '>', '>='];

export function startsUppercase(name: string): boolean {
    return /^[A-Z]/.test(name);
}

/**
 * Visits the expressions of an outcome (an `ensures:` value): each line of a block and each branch of an `if`,
 * where `visit` finds nothing to read on a line itself. Lines of a `for` are not outcomes the analysis reads.
 */
export function eachOutcome(node: AstNode | undefined, visit: (line: AstNode) => void): void {
    const n = bare(node);
    if (ast.isExprBlock(n) || ast.isBranchBody(n)) {
        n.items.forEach(item => eachOutcome(item, visit));
    } else if (ast.isIfExpr(n)) {
        n.branches.forEach(branch => eachOutcome(branch.body, visit));
        eachOutcome(n.elseBody, visit);
    } else if (n) {
        visit(n);
    }
}

/** A rule's `keyword:` clause values, also those in its `if` and `for` blocks, in source order. */
export function ruleClauses(items: readonly ast.BlockItem[], keyword: string): AstNode[] {
    return items.flatMap((item): AstNode[] => {
        if (ast.isAssignment(item)) {
            return item.name === keyword && item.value ? [item.value] : [];
        }
        if (ast.isTriggerClause(item)) {
            return keyword === 'when' && item.trigger ? [item.trigger] : [];
        }
        if (ast.isIfBlock(item)) {
            return [...item.branches.flatMap(b => ruleClauses(b.body?.items ?? [], keyword)), ...ruleClauses(item.elseBody?.items ?? [], keyword)];
        }
        return ast.isForBlock(item) ? ruleClauses(item.body?.items ?? [], keyword) : [];
    });
}

/** The `when:` triggers written at the top of a rule (not in its `if` or `for` blocks). */
export function topTriggers(rule: ast.RuleDecl): ast.Trigger[] {
    return rule.items.filter(ast.isTriggerClause).flatMap(clause => clause.trigger ? [clause.trigger] : []);
}

/** The name a call is made with, when it is a plain name: `Checkout` of `Checkout(cart)`. */
export function calleeName(node: AstNode | undefined): string | undefined {
    const n = bare(node);
    return ast.isCall(n) ? plainName(n.callee) : undefined;
}
