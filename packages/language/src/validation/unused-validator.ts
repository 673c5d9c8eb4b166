import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import type { AlliumServices } from '../allium-module.js';
import * as ast from '../generated/ast.js';
import { allNodes, fieldsOf, identName, startsUppercase } from '../ast/ast-views.js';

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
    for (const node of allNodes([module])) {
        const name = identName(node);
        if (name && startsUppercase(name)) {
            referenced.add(name);
        } else if (ast.isContractEntry(node) && !node.contract.$refText.includes('/')) {
            referenced.add(node.contract.$refText);
        } else if (ast.isVariantDecl(node) && node.base) {
            referenced.add(node.base);
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

function accessedFieldNames(module: ast.Module): Set<string> {
    const names = new Set<string>();
    for (const declaration of module.declarations) {
        if (ast.isVariantDecl(declaration) || ast.isDefaultDecl(declaration) || ast.isDeferredDecl(declaration)) {
            continue;
        }
        for (const node of allNodes([declaration])) {
            collectAccess(node, names);
        }
        if (ast.isEntityDecl(declaration)) {
            // A derived field may read a sibling field by its bare name.
            const own = new Set(fieldsOf(declaration.items).map(f => f.name));
            for (const node of allNodes(declaration.items)) {
                const name = identName(node);
                if (name && own.has(name)) {
                    names.add(name);
                }
            }
        }
    }
    return names;
}

function collectAccess(node: AstNode, names: Set<string>): void {
    if (ast.isMemberAccess(node)) {
        names.add(node.member.$refText);
    } else if (ast.isJoinField(node)) {
        names.add(node.field);
    } else if (ast.isCallArg(node) && node.name && ast.isCall(node.$container) && ast.isMemberAccess(node.$container.callee)
        && node.$container.callee.member.$refText === 'created') {
        names.add(node.name);
    }
}
