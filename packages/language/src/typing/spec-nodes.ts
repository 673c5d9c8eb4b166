import type { AstNode, CstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { treeMemo } from '../ast/tree-memo.js';

/** Declarations with fields a `.` can reach. */
export type Structured = ast.EntityDecl | ast.ValueDecl | ast.VariantDecl | ast.ActorDecl;
export type TypeDecl = Structured | ast.EnumDecl;
export type Field = ast.Assignment | ast.ParamAssignment;

/** What an expression denotes, as far as completion and hover need: an instance of a type, the type itself, or `config`. */
export type Denoted =
    | { kind: 'instance'; type: TypeDecl }
    | { kind: 'type'; type: TypeDecl }
    | { kind: 'config'; module: ast.Module };

// An actor's clauses are written like fields.
const ACTOR_CLAUSES = new Set(['identified_by', 'within']);

export function isStructured(node: AstNode | undefined): node is Structured {
    return ast.isEntityDecl(node) || ast.isValueDecl(node) || ast.isVariantDecl(node) || ast.isActorDecl(node);
}

/** A field of a type or a config parameter: `status: pending | done`, `timeout: Duration = 5.minutes`; not a clause. */
export function isField(node: AstNode): node is Field {
    return (ast.isAssignment(node) || ast.isParamAssignment(node)) && (isStructured(node.$container) || ast.isConfigDecl(node.$container))
        && !(ast.isActorDecl(node.$container) && ACTOR_CLAUSES.has(node.name));
}

export function isTypeDecl(node: AstNode | undefined): node is TypeDecl {
    return isStructured(node) || ast.isEnumDecl(node);
}

/** Whether `cst` is, or lies inside, `property` (a name written with a datatype rule is a composite node). */
export function within(cst: CstNode, property: CstNode | undefined): boolean {
    return property !== undefined && property.offset <= cst.offset && cst.end <= property.end;
}

/** A module's types by name, the first declaration of each (see `treeMemo` for why a tree's own memo). */
const typeIndex = treeMemo((module: ast.Module) => {
    const index = new Map<string, TypeDecl>();
    for (const declaration of module.declarations ?? []) {
        if (isTypeDecl(declaration) && !index.has(declaration.name)) {
            index.set(declaration.name, declaration);
        }
    }
    return index;
});

export function typeIn(module: ast.Module, name: string): TypeDecl | undefined {
    return typeIndex(module).get(name);
}

/** The first name of an expression read left to right: `Order` in `Order.placed_at + 1.day <= now`. */
export function leftmostName(node: AstNode | undefined): ast.NameRef | undefined {
    if (ast.isNameRef(node)) {
        return node;
    }
    if (ast.isBinaryExpr(node)) {
        return leftmostName(node.left);
    }
    if (ast.isMemberAccess(node)) {
        return leftmostName(node.receiver);
    }
    if (ast.isCall(node)) {
        return leftmostName(node.callee);
    }
    return ast.isWhenGuard(node) ? leftmostName(node.action) : undefined;
}
