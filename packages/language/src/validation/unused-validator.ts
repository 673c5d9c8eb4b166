import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import type { AlliumServices } from '../allium-module.js';
import * as ast from '../generated/ast.js';
import { fieldsOf, identName, startsUppercase } from '../ast/ast-views.js';
import { declarationOf, nodesOfType } from '../ast-nodes.js';

/** Entities, value types and enums nothing in the file, nor in the files importing it under an alias, refers to. */
export function unusedDeclarationsCheck(services: AlliumServices) {
    const importers = services.validation.ImporterUses;
    return (module: ast.Module, accept: ValidationAcceptor): void => checkUnusedDeclarations(module, importers.of(module).types, accept);
}

/** Entity fields nothing in the file, nor `alias/Entity.field` in the files importing it, reads or sets. */
export function unusedFieldsCheck(services: AlliumServices) {
    const importers = services.validation.ImporterUses;
    return (module: ast.Module, accept: ValidationAcceptor): void => checkUnusedFields(module, importers.of(module).fields, accept);
}

function checkUnusedDeclarations(module: ast.Module, usedByImporters: ReadonlySet<string>, accept: ValidationAcceptor): void {
    const referenced = new Set<string>(usedByImporters);
    for (const node of nodesOfType<ast.NameRef>(module, ast.NameRef.$type)) {
        const name = identName(node);
        if (name && startsUppercase(name)) {
            referenced.add(name);
        }
    }
    for (const entry of nodesOfType<ast.ContractEntry>(module, ast.ContractEntry.$type)) {
        if (!entry.contract.$refText.includes('/')) {
            referenced.add(entry.contract.$refText);
        }
    }
    for (const variant of nodesOfType<ast.VariantDecl>(module, ast.VariantDecl.$type)) {
        if (variant.base) {
            referenced.add(variant.base);
        }
    }
    for (const declaration of module.declarations) {
        if (ast.isEntityDecl(declaration) && !referenced.has(declaration.name)) {
            accept('warning', `Nothing in this file, nor in a file importing it, uses entity '${declaration.name}'. Use it in a field, rule or surface, or remove it.`,
                { node: declaration, property: 'name', code: IssueCodes.EntityUnused });
        } else if ((ast.isValueDecl(declaration) || ast.isEnumDecl(declaration)) && !referenced.has(declaration.name)) {
            accept('warning', `Nothing in this file, nor in a file importing it, uses '${declaration.name}'. Use it as a field type, or remove it.`,
                { node: declaration, property: 'name', code: IssueCodes.DefinitionUnused });
        }
    }
}

function checkUnusedFields(module: ast.Module, usedByImporters: ReadonlySet<string>, accept: ValidationAcceptor): void {
    const accessed = accessedFieldNames(module);
    usedByImporters.forEach(field => accessed.add(field));
    for (const declaration of module.declarations) {
        // Variant bodies are not checked: the reference reads `variant X : Base {` as a lookup, with no fields.
        if (ast.isEntityDecl(declaration)) {
            for (const field of fieldsOf(declaration.items)) {
                if (!accessed.has(field.name)) {
                    accept('info', `No rule, surface or derived value reads or sets '${declaration.name}.${field.name}'.`,
                        { node: field, property: 'name', code: IssueCodes.FieldUnused });
                }
            }
        }
    }
}

/**
 * The names read or set anywhere but in variants, defaults and deferred declarations. Read from the module's listings
 * of the few node types that access a field, so the check does not walk every node of the file.
 */
function accessedFieldNames(module: ast.Module): Set<string> {
    const names = new Set<string>();
    for (const access of nodesOfType<ast.MemberAccess>(module, ast.MemberAccess.$type)) {
        if (readsFields(declarationOf(access))) {
            names.add(access.member.$refText);
        }
    }
    for (const join of nodesOfType<ast.JoinField>(module, ast.JoinField.$type)) {
        if (readsFields(declarationOf(join))) {
            names.add(join.field);
        }
    }
    for (const arg of nodesOfType<ast.CallArg>(module, ast.CallArg.$type)) {
        if (arg.name && ast.isCall(arg.$container) && ast.isMemberAccess(arg.$container.callee)
            && arg.$container.callee.member.$refText === 'created' && readsFields(declarationOf(arg))) {
            names.add(arg.name);
        }
    }
    // A derived field may read a sibling field by its bare name.
    const ownFields = new Map<AstNode, Set<string>>();
    for (const ref of nodesOfType<ast.NameRef>(module, ast.NameRef.$type)) {
        const entity = declarationOf(ref);
        const name = identName(ref);
        if (!ast.isEntityDecl(entity) || name === undefined) {
            continue;
        }
        let own = ownFields.get(entity);
        if (!own) {
            ownFields.set(entity, own = new Set(fieldsOf(entity.items).map(f => f.name)));
        }
        if (own.has(name)) {
            names.add(name);
        }
    }
    return names;
}

function readsFields(declaration: AstNode | undefined): boolean {
    return declaration !== undefined && !ast.isVariantDecl(declaration) && !ast.isDefaultDecl(declaration) && !ast.isDeferredDecl(declaration);
}
