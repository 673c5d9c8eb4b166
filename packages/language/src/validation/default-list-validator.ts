import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { fieldsOf, identName } from '../ast/ast-views.js';

/** `default Type name = { ... }` may only set fields `Type` declares; an empty list needs a `List<T>` field. */
export function checkDefaultLiterals(module: ast.Module, accept: ValidationAcceptor): void {
    const schemas = new Map<string, Map<string, AstNode | undefined>>();
    for (const d of module.declarations) {
        if (ast.isEntityDecl(d) || ast.isValueDecl(d)) {
            schemas.set(d.name, new Map(fieldsOf(d.items).map(f => [f.name, f.value])));
        }
    }
    const validate = (literal: ast.ObjectLiteral, typeName: string): void => {
        const schema = schemas.get(typeName);
        if (!schema) {
            return;
        }
        for (const field of literal.fields) {
            if (!schema.has(field.name)) {
                accept('error', `'${typeName}' has no field '${field.name}', yet this default sets it. Declare the field on '${typeName}', or remove it here.`,
                    { node: field, property: 'name', code: IssueCodes.DefaultUnknownField });
                continue;
            }
            const fieldType = schema.get(field.name);
            if (ast.isListLiteral(field.value) && field.value.elements.length === 0 && !isListType(fieldType)) {
                accept('error', `What '[]' holds cannot be told: '${field.name}' is not declared as List<T>. Declare the field as List<T>, or give the list elements.`,
                    { node: field.value, code: IssueCodes.ListEmptyListNoElementType });
            }
            const nested = baseTypeName(fieldType);
            if (ast.isObjectLiteral(field.value) && nested) {
                validate(field.value, nested);
            }
        }
    };
    for (const d of module.declarations.filter(ast.isDefaultDecl)) {
        if (d.type && !d.type.includes('/') && ast.isObjectLiteral(d.value)) {
            validate(d.value, d.type);
        }
    }
}

function isListType(node: AstNode | undefined): boolean {
    return (ast.isGenericType(node) && identName(node.base) === 'List') || (ast.isOptionalType(node) && isListType(node.inner));
}

function baseTypeName(node: AstNode | undefined): string | undefined {
    return ast.isOptionalType(node) ? baseTypeName(node.inner) : identName(node);
}

/** The elements of a list literal share a type, as far as literal kinds tell. */
export function checkListLiterals(list: ast.ListLiteral, accept: ValidationAcceptor): void {
    let first: string | undefined;
    for (const element of list.elements) {
        const kind = literalKind(element);
        if (!kind) {
            continue;
        }
        if (first && kind !== first) {
            accept('error', `This list mixes ${first} and ${kind} elements. Make every element the same kind.`,
                { node: list, code: IssueCodes.ListMixedElementTypes });
            return;
        }
        first ??= kind;
    }
}

function literalKind(node: AstNode): string | undefined {
    return ast.isStringLiteral(node) ? 'string' : ast.isNumberLiteral(node) ? 'number' : ast.isBooleanLiteral(node) ? 'boolean'
        : ast.isDurationLiteral(node) ? 'duration' : ast.isBacktickLiteral(node) ? 'backtick literal' : undefined;
}
