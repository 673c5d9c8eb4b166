import type { LangiumCoreServices, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes, calleeName, startsUppercase } from './ast-views.js';
import { importedDocument } from '../scoping/imports.js';

/**
 * `alias/Name` must use an alias a `use ... as alias` declares, and when the imported file is in the workspace,
 * it must declare `Name` (or use it as a trigger).
 */
export function importAliasCheck(services: LangiumCoreServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const uses = new Map(module.declarations.filter(ast.isUseDecl).filter(u => u.name).map(u => [u.name!, u]));
        const offered = new Map<string, Set<string> | undefined>();
        for (const node of allNodes([module])) {
            const name = ast.isNameRef(node) ? node.ref.$refText : ast.isContractEntry(node) ? node.contract.$refText : undefined;
            const slash = name?.indexOf('/') ?? -1;
            if (!name || slash <= 0) {
                continue;
            }
            const alias = name.slice(0, slash);
            const member = name.slice(slash + 1);
            const use = uses.get(alias);
            if (!use) {
                accept('error', `No 'use ... as ${alias}' in this file, so '${name}' cannot be found. Import the module with 'use "<path>" as ${alias}', or fix the alias.`,
                    { node, code: 'allium.reference.undefinedImportedAlias' });
                continue;
            }
            if (!offered.has(alias)) {
                offered.set(alias, namesOffered(importedDocument(services, use)?.parseResult.value as ast.Module | undefined));
            }
            const names = offered.get(alias);
            const isCollection = (ast.isForExpr(node.$container) || ast.isForBlock(node.$container)) && node.$containerProperty === 'collection';
            if (names && !isCollection && !names.has(member) && member !== 'config') {
                accept('warning', `'${member}' is not declared in ${use.path}, which '${alias}' imports. Declare it there, or fix the name '${name}'.`,
                    { node, code: 'allium.reference.unknownName' });
            }
        }
    };
}

/** Declared names and trigger names a module offers to its importers. */
function namesOffered(module: ast.Module | undefined): Set<string> | undefined {
    if (!module) {
        return undefined;
    }
    const names = new Set<string>();
    for (const d of module.declarations) {
        if ('name' in d && typeof d.name === 'string' && !ast.isUseDecl(d)) {
            names.add(d.name);
        }
    }
    for (const node of allNodes([module])) {
        const callee = calleeName(node)?.ref.$refText;
        if (callee && startsUppercase(callee)) {
            names.add(callee);
        }
    }
    return names;
}
