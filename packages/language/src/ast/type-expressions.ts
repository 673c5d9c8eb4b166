import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { pipeRefs } from './names.js';

/** The built-in types whose values have no fields and are not collections. */
export const PRIMITIVE_TYPES = ['String', 'Integer', 'Decimal', 'Boolean', 'Timestamp', 'Duration'] as const;

/** The types every spec has without declaring them. */
export const BUILT_IN_TYPES: string[] = [...PRIMITIVE_TYPES, 'List', 'Set', 'Map', 'Any', 'Void'];

/** `String`, `Customer?`, `List<Item>`, `pending | done`, `Timestamp when status = x`: a declared type, not a derivation. */
export function isTypeExpression(value: AstNode): boolean {
    if (ast.isWhenGuard(value)) {
        return isTypeExpression(value.action);
    }
    if (ast.isNameRef(value)) {
        return /^[A-Z]/.test(value.ref.$refText.slice(value.ref.$refText.indexOf('/') + 1));
    }
    return ast.isOptionalType(value) || ast.isGenericType(value) || ast.isExprBlock(value) || pipeRefs(value).length > 1;
}

/** `x.field <= now`, `x.at + 1.day < now`: a comparison with `now`. */
export function isTemporalComparison(expr: AstNode | undefined): boolean {
    return ast.isBinaryExpr(expr) && ['<', '<=', '>', '>='].includes(expr.operator)
        && [expr.left, expr.right].some(side => side !== undefined && nodesOf(side).some(ast.isNowLiteral));
}
