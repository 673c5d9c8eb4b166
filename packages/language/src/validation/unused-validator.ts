import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import type { AlliumServices } from '../allium-module.js';
import * as ast from '../generated/ast.js';
import { fieldsOf, identName, startsUppercase } from '../ast/ast-views.js';
import { forEachNode } from '../ast-nodes.js';
import { treeMemo } from '../ast/tree-memo.js';

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
    const referenced = unionOf(module, usedByImporters, uses => uses.types);
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
    const accessed = unionOf(module, usedByImporters, uses => uses.fields);
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

/** What one declaration uses of the file's declarations, by name. */
interface Uses {
    /** Capitalised names it refers to, the contracts it lists and the base it extends. */
    types: Set<string>;
    /** The fields it reads or sets; none in variants, defaults and deferred declarations. */
    fields: Set<string>;
}

/** The names the file's declarations use, with those its importers use. */
function unionOf(module: ast.Module, usedByImporters: ReadonlySet<string>, part: (uses: Uses) => Set<string>): Set<string> {
    const names = new Set<string>(usedByImporters);
    for (const declaration of module.declarations) {
        part(usesOf(declaration)).forEach(name => names.add(name));
    }
    return names;
}

/**
 * Read once per declaration, in one walk of its nodes: after an edit re-parses one declaration of a file
 * (declaration-splice.ts), the others keep their readings, and the checks read the file's few hundred declarations
 * instead of its tens of thousands of nodes.
 */
const usesOf = treeMemo((declaration: ast.Declaration): Uses => {
    const types = new Set<string>();
    const fields = new Set<string>();
    const reads = readsFields(declaration);
    // A derived field may read a sibling field by its bare name.
    const own = ast.isEntityDecl(declaration) ? new Set(fieldsOf(declaration.items).map(f => f.name)) : undefined;
    if (ast.isVariantDecl(declaration) && declaration.base) {
        types.add(declaration.base);
    }
    forEachNode(declaration, node => {
        switch (node.$type) {
            case ast.NameRef.$type: {
                const name = identName(node as ast.NameRef);
                if (name && startsUppercase(name)) {
                    types.add(name);
                }
                if (name !== undefined && own?.has(name)) {
                    fields.add(name);
                }
                break;
            }
            case ast.ContractEntry.$type: {
                const contract = (node as ast.ContractEntry).contract.$refText;
                if (!contract.includes('/')) {
                    types.add(contract);
                }
                break;
            }
            case ast.MemberAccess.$type:
                if (reads) {
                    fields.add((node as ast.MemberAccess).member.$refText);
                }
                break;
            case ast.JoinField.$type:
                if (reads) {
                    fields.add((node as ast.JoinField).field);
                }
                break;
            case ast.CallArg.$type: {
                const arg = node as ast.CallArg;
                if (reads && arg.name && ast.isCall(arg.$container) && ast.isMemberAccess(arg.$container.callee) && arg.$container.callee.member.$refText === 'created') {
                    fields.add(arg.name);
                }
                break;
            }
        }
    });
    return { types, fields };
});

function readsFields(declaration: AstNode): boolean {
    return !ast.isVariantDecl(declaration) && !ast.isDefaultDecl(declaration) && !ast.isDeferredDecl(declaration);
}
