import * as ast from '@allium/language';
import type { AstNode } from 'langium';

/** A rule's `keyword: value` clauses and `let` bindings, also those inside `for` and `if` blocks, in source order. */
export function clausesIn(items: ast.BlockItem[]): Array<ast.Assignment | ast.LetItem> {
    return items.flatMap(item => {
        if (ast.isAssignment(item) || ast.isLetItem(item)) {
            return [item];
        }
        if (ast.isForBlock(item)) {
            return clausesIn(item.body?.items ?? []);
        }
        if (ast.isIfBlock(item)) {
            return [...item.branches.flatMap(b => clausesIn(b.body?.items ?? [])), ...clausesIn(item.elseBody?.items ?? [])];
        }
        return [];
    });
}

export function clausesNamed(items: ast.BlockItem[], keyword: string): ast.Assignment[] {
    return clausesIn(items).filter((c): c is ast.Assignment => ast.isAssignment(c) && c.name === keyword);
}

/** The items of a clause's value: each line of an indented block, or the single expression. */
export function valueItems(value: ast.ClauseValue | undefined): AstNode[] {
    return ast.isExprBlock(value) ? value.items : value ? [value] : [];
}

/** `Order` of `Order.created(...)`. */
export function createdEntity(node: AstNode | undefined): string | undefined {
    return ast.isCall(node) && ast.isMemberAccess(node.callee) && node.callee.member.$refText === 'created' && ast.isNameRef(node.callee.receiver)
        ? node.callee.receiver.ref.$refText : undefined;
}

/** The entity an expression denotes an instance of (`order` in a rule about orders), by the spec's typing clues. */
export function entityOf(node: AstNode | undefined, types: ast.SpecTypes): ast.EntityDecl | undefined {
    const denoted = node && types.denote(node);
    return denoted?.kind === 'instance' && ast.isEntityDecl(denoted.type) ? denoted.type : undefined;
}

/** An assignment written as an outcome (`order.status = shipped`), not a comparison inside a condition. */
export function isOutcomeAssignment(node: AstNode): node is ast.BinaryExpr & { left: ast.MemberAccess } {
    const container = node.$container;
    return ast.isBinaryExpr(node) && node.operator === '=' && ast.isMemberAccess(node.left)
        && (ast.isAssignment(container) || ast.isExprBlock(container) || ast.isBranchBody(container));
}
