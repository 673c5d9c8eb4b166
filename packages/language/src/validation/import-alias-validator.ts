import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes } from './ast-views.js';

/** `alias/Name` must use an alias a `use ... as alias` declares. */
export function checkImportAliases(module: ast.Module, accept: ValidationAcceptor): void {
    const aliases = new Set(module.declarations.filter(ast.isUseDecl).map(u => u.name).filter((n): n is string => n !== undefined));
    for (const node of allNodes([module])) {
        const name = ast.isNameRef(node) ? node.ref.$refText : ast.isContractEntry(node) ? node.contract.$refText : undefined;
        const slash = name?.indexOf('/') ?? -1;
        if (name && slash > 0 && !aliases.has(name.slice(0, slash))) {
            const alias = name.slice(0, slash);
            accept('error', `Reference '${name}' uses unknown import alias '${alias}'. Add 'use "<path>" as ${alias}', or fix the alias.`,
                { node, code: 'allium.reference.undefinedImportedAlias' });
        }
    }
}
