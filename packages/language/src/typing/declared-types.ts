import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { pipeRefs } from '../ast/names.js';
import { PRIMITIVE_TYPES } from '../ast/type-expressions.js';
import type { Field } from './spec-nodes.js';

/**
 * What a field declares about its values, read the same way by every check that asks: the type expression with
 * what qualifies it set aside. SpecTypes (spec-types.ts) goes on from here to the declaration a type names.
 */
export interface DeclaredType {
    /** `Integer` in `count: Integer?`, `Timestamp` in `shipped_at: Timestamp when status = shipped`. */
    type: AstNode | undefined;
    /** `T?`: may be absent. */
    optional: boolean;
    /** `T when status = s`: present in those states only. */
    guarded: boolean;
}

/**
 * The type `field` declares. With `withDefault`, a config parameter's default is set aside too (`Integer` in
 * `max: Integer? = 5`); elsewhere `a = b` is a derived comparison, not a type with a default.
 */
export function declaredType(field: Field, options: { withDefault?: boolean } = {}): DeclaredType {
    const guarded = ast.isWhenGuard(field.value);
    let type: AstNode | undefined = ast.isWhenGuard(field.value) ? field.value.action : field.value;
    if (options.withDefault && ast.isBinaryExpr(type) && type.operator === '=') {
        type = type.left;
    }
    const optional = ast.isOptionalType(type);
    return { type: ast.isOptionalType(type) ? type.inner : type, optional, guarded };
}

const PRIMITIVES = new Set<string>(PRIMITIVE_TYPES);

/** Whether `name` is a built-in type whose values have no fields and are not collections (`String`, `Duration`). */
export function isPrimitiveType(name: string): boolean {
    return PRIMITIVES.has(name);
}

/** `String`, `Timestamp?`, `pending | done`: a plain value, neither an instance nor a collection. */
export function isScalarType(value: AstNode | undefined): boolean {
    const inner = ast.isOptionalType(value) ? value.inner : value;
    return (ast.isNameRef(inner) && isPrimitiveType(inner.ref.$refText)) || pipeRefs(inner).length > 1;
}
