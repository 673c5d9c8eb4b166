import type { LangiumCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { importedDocument } from '../scoping/imports.js';

/** A module another imports, under the alphabetically first alias that names it. */
export interface ImportedModule {
    alias: string;
    module: ast.Module;
}

/**
 * The modules `module` imports with an alias and that are in the workspace, one entry per file: two aliases
 * for the same file are one import, so they never make a name ambiguous.
 */
export function importedModules(services: LangiumCoreServices, module: ast.Module): ImportedModule[] {
    const byFile = new Map<string, ImportedModule>();
    for (const use of module.declarations.filter(ast.isUseDecl)) {
        const document = use.name ? importedDocument(services, use) : undefined;
        if (!use.name || !document) {
            continue;
        }
        const key = document.uri.toString();
        const known = byFile.get(key);
        if (!known || use.name < known.alias) {
            byFile.set(key, { alias: use.name, module: document.parseResult.value as ast.Module });
        }
    }
    return [...byFile.values()];
}

/** Names of the types and contracts a module declares: what an unqualified name in an importer could mean. */
export function declaredTypesAndContracts(module: ast.Module): Set<string> {
    const names = new Set<string>();
    for (const d of module.declarations) {
        if (ast.isEntityDecl(d) || ast.isValueDecl(d) || ast.isEnumDecl(d) || ast.isActorDecl(d) || ast.isVariantDecl(d) || ast.isContractDecl(d)) {
            names.add(d.name);
        }
    }
    return names;
}

/** For each name offered by two or more of `imports`, the aliases offering it, sorted. */
export function offeredByMany(imports: ImportedModule[], offered: (module: ast.Module) => Set<string>): Map<string, string[]> {
    const aliases = new Map<string, string[]>();
    for (const { alias, module } of imports) {
        for (const name of offered(module)) {
            aliases.set(name, [...aliases.get(name) ?? [], alias]);
        }
    }
    return new Map([...aliases].filter(([, list]) => list.length > 1).map(([name, list]) => [name, list.sort()]));
}

/** `'a' and 'b'`, `'a', 'b' and 'c'`. */
export function aliasList(aliases: string[]): string {
    const quoted = aliases.map(a => `'${a}'`);
    return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted.join('');
}
