import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';

/** The small readings of names every layer needs (scoping, typing, validation, the server), once. */

/** `Name` of `alias/Name`; a plain name is its own. */
export function localName(name: string): string {
    return name.slice(name.indexOf('/') + 1);
}

/** A node's text as written. */
export function textOf(node: AstNode): string {
    return node.$cstNode?.text ?? '';
}

/**
 * `order.customer.status` as written, for a chain of names. `byNames`: compared by its names alone, so `this` is a
 * name and parentheses do not count.
 */
export function pathOf(node: AstNode | undefined, byNames = false): string | undefined {
    if (ast.isNameRef(node)) {
        return node.ref.$refText;
    }
    if (ast.isMemberAccess(node)) {
        const receiver = pathOf(node.receiver, byNames);
        return receiver && `${receiver}.${node.member.$refText}`;
    }
    if (byNames && ast.isThisLiteral(node)) {
        return 'this';
    }
    return byNames && ast.isParenthesized(node) ? pathOf(node.inner, true) : undefined;
}

/** The names of `a | b | c`, qualified ones included. */
export function pipeNames(node: AstNode | undefined): string[] {
    if (ast.isBinaryExpr(node) && node.operator === '|') {
        return [...pipeNames(node.left), ...pipeNames(node.right)];
    }
    return ast.isNameRef(node) ? [node.ref.$refText] : [];
}

/** The plain (unqualified) names of `a | b | c`, as their NameRef nodes. */
export function pipeRefs(node: AstNode | undefined): ast.NameRef[] {
    if (ast.isBinaryExpr(node) && node.operator === '|') {
        return [...pipeRefs(node.left), ...pipeRefs(node.right)];
    }
    return ast.isNameRef(node) && !node.ref.$refText.includes('/') ? [node] : [];
}
