import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { identName, startsUppercase } from './ast-views.js';
import { BUILT_IN_TYPES } from './type-expressions.js';

/** The type names a module can use unqualified: the built-in types, its own types and its import aliases. */
export function typeNamesInScope(module: ast.Module): Set<string> {
    const names = new Set(BUILT_IN_TYPES);
    for (const d of module.declarations) {
        if (ast.isEntityDecl(d) || ast.isValueDecl(d) || ast.isEnumDecl(d) || ast.isActorDecl(d) || ast.isVariantDecl(d)) {
            names.add(d.name);
        } else if (ast.isUseDecl(d) && d.name) {
            names.add(d.name);
        }
    }
    return names;
}

/** The capitalised names a type expression uses: `Set<Order>`, `A | B`, `Order?`. */
export function typeNames(node: AstNode | undefined): ast.NameRef[] {
    const name = identName(node);
    if (name !== undefined) {
        return startsUppercase(name) ? [node as ast.NameRef] : [];
    }
    if (ast.isGenericType(node)) {
        return [...typeNames(node.base), ...node.args.flatMap(typeNames)];
    }
    if (ast.isBinaryExpr(node) && node.operator === '|') {
        return [...typeNames(node.left), ...typeNames(node.right)];
    }
    return ast.isOptionalType(node) ? typeNames(node.inner) : [];
}
