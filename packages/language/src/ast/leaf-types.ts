import type { AstNode } from 'langium';
import type { AlliumAstType } from '../generated/ast.js';

/** Node types no other type extends (held so by `leaf-types.test.ts`). */
export const LEAF_TYPES = [
    'ActorDecl', 'BinaryExpr', 'CallArg', 'EntityDecl', 'EnumDecl', 'GivenDecl', 'Lambda', 'LoopVar', 'MemberAccess',
    'NameRef', 'SetLiteral', 'TriggerBinding', 'ValueDecl', 'VariantDecl'
] as const;

export type LeafType = typeof LEAF_TYPES[number];

/**
 * `ast.isNameRef(node)` for a type no other type extends, on the paths scoping and linking take for every node or
 * reference: the generated test reads Langium's table of subtypes (two dictionary look-ups) on every call, where
 * for such a type comparing `$type` says the same.
 */
export function isLeaf<T extends LeafType>(node: AstNode | undefined, type: T): node is AlliumAstType[T] {
    return node?.$type === type;
}
