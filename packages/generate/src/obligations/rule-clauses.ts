import * as ast from '@allium/language';
import { AstUtils, type AstNode } from 'langium';

/** A rule's `keyword:` clauses (`requires`, `ensures`), also those inside `for` and `if` blocks, in source order. */
export function clausesNamed(items: ast.BlockItem[], keyword: string): ast.Assignment[] {
    return items.flatMap(item => {
        if (ast.isAssignment(item)) {
            return item.name === keyword ? [item] : [];
        }
        if (ast.isForBlock(item)) {
            return clausesNamed(item.body?.items ?? [], keyword);
        }
        if (ast.isIfBlock(item)) {
            return [...item.branches.flatMap(b => clausesNamed(b.body?.items ?? [], keyword)), ...clausesNamed(item.elseBody?.items ?? [], keyword)];
        }
        return [];
    });
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

/**
 * The entity a rule's variable stands for by its name: `order` an Order, `line_item` a LineItem. The reference reads
 * no other clue for what a rule writes and must set, so neither do we: `attempt` is no DeliveryAttempt, and a
 * trigger binding `o: Order.status becomes shipped` says what the trigger reads, not what `o.status = x` writes.
 */
export function entityOf(node: AstNode | undefined): ast.EntityDecl | undefined {
    return ast.isNameRef(node) ? localEntity(node.ref.$refText.split('_').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join(''), node) : undefined;
}

/**
 * An entity the spec itself declares. What a rule touches is told in terms of the file's own entities, as the
 * reference does: one of an imported spec (`b/Customer`, or `Customer` declared only there) is that spec's to test.
 */
export function localEntity(name: string, context: AstNode): ast.EntityDecl | undefined {
    const type = ast.typeIn(AstUtils.findRootNode(context) as ast.Module, name);
    return type && ast.isEntityDecl(type) ? type : undefined;
}

/** Written as an outcome of its own: a clause's value, a line of its block or of an `if`/`for` branch in it. */
function isOutcome(node: AstNode): boolean {
    const container = node.$container;
    return ast.isAssignment(container) || ast.isExprBlock(container) || ast.isBranchBody(container);
}

/** An assignment written as an outcome (`order.status = shipped`), not a comparison inside a condition. */
export function isOutcomeAssignment(node: AstNode): node is ast.BinaryExpr & { left: ast.MemberAccess } {
    return ast.isBinaryExpr(node) && node.operator === '=' && ast.isMemberAccess(node.left) && isOutcome(node);
}
