import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, LangiumCoreServices, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes, calleeName, startsUppercase } from '../ast/ast-views.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument, importIsMissing } from '../scoping/imports.js';

/**
 * `alias/Name` (or `alias.Name`) must use an alias a `use ... as alias` declares; when that `use` names an `.allium` file
 * that exists nowhere, each such name is reported (reference 3.6.1; 3.5.3 reports only the `use` line, with
 * `allium.use.unresolvedPath`); when the imported file is in the workspace,
 * it must declare `Name` (or use it as a trigger, or defer it); so must the type of a `default alias/Type`, as the reference
 * checks; and `alias/config.name` must name one of its config parameters (reference 3.6.1; 3.5.3 checks neither these
 * parameters nor deferred names, and reports `alias/DeferredName` as unknown).
 */
export function importAliasCheck(services: LangiumCoreServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const uses = new Map(module.declarations.filter(ast.isUseDecl).filter(u => u.name).map(u => [u.name!, u]));
        const offered = new Map<string, Set<string> | undefined>();
        const missing = new Map<string, boolean>();
        const check = (name: string, at: AstNode, property: string | undefined, isCollection: boolean) => {
            const slash = name.indexOf('/');
            if (slash <= 0) {
                return;
            }
            const alias = name.slice(0, slash);
            const member = name.slice(slash + 1);
            const use = uses.get(alias);
            if (!use) {
                accept('error', `No 'use ... as ${alias}' in this file, so '${name}' cannot be found. Import the module with 'use "<path>" as ${alias}', or fix the alias.`,
                    { node: at, property, code: IssueCodes.ReferenceUndefinedImportedAlias });
                return;
            }
            if (!missing.has(alias)) {
                missing.set(alias, importIsMissing(services, use));
            }
            if (missing.get(alias)) {
                accept('warning', `'${name}' cannot be checked: no file exists at "${use.path}", which '${alias}' imports. Fix the use path, or add the file.`,
                    { node: at, property, code: IssueCodes.ReferenceUnresolvedImport });
                return;
            }
            if (!offered.has(alias)) {
                offered.set(alias, namesOffered(importedDocument(services, use)?.parseResult.value as ast.Module | undefined));
            }
            const names = offered.get(alias);
            if (names && !isCollection && !names.has(member) && member !== 'config') {
                accept('warning', `'${member}' is not declared in ${use.path}, which '${alias}' imports. Declare it there, or fix the name '${name}'.`,
                    { node: at, property, code: IssueCodes.ReferenceUnknownName });
            }
        };
        // Only names, contract entries and member accesses can name an import.
        for (const node of nodesOf(module)) {
            let name: string | undefined;
            if (ast.isNameRef(node)) {
                name = node.ref.$refText;
            } else if (ast.isContractEntry(node)) {
                name = node.contract.$refText;
            } else if (ast.isMemberAccess(node)) {
                const parameter = uses.size > 0 ? importedConfigParameter(node) : undefined;
                const use = parameter && uses.get(parameter.alias);
                const imported = use && importedDocument(services, use)?.parseResult.value;
                if (parameter && use && ast.isModule(imported) && !configParameters(imported).has(parameter.name)) {
                    accept('warning', `'${parameter.name}' is not a config parameter of ${use.path}, which '${parameter.alias}' imports. Declare it in its config, or fix the name '${parameter.alias}/config.${parameter.name}'.`,
                        { node, property: 'member', code: IssueCodes.ReferenceUnknownName });
                }
                name = dotQualifiedName(node, uses);
            }
            if (name && name.indexOf('/') > 0) {
                check(name, node, undefined, (ast.isForExpr(node.$container) || ast.isForBlock(node.$container)) && node.$containerProperty === 'collection');
            }
        }
        // The type of `default alias/Type x = ...` is a name of the declaration, not a reference node.
        for (const declaration of module.declarations.filter(ast.isDefaultDecl)) {
            if (declaration.type) {
                check(declaration.type, declaration, 'type', false);
            }
        }
    };
}

/**
 * `alias.Name` written for `alias/Name` (`emits: [vt.Signal(x)]`, `f: vt.Role`): the receiver is an import alias and the
 * member is capitalised, as declared names are. A lowercase member is a field of a binding that happens to share the
 * alias's name, so it is left to the binding checks.
 */
function dotQualifiedName(node: ast.MemberAccess, uses: Map<string, ast.UseDecl>): string | undefined {
    if (node.optional || !ast.isNameRef(node.receiver) || !uses.has(node.receiver.ref.$refText)) {
        return undefined;
    }
    const member = node.member.$refText;
    return startsUppercase(member) ? `${node.receiver.ref.$refText}/${member}` : undefined;
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
        } else if (ast.isDeferredDecl(d)) {
            // `deferred InterviewerMatching.suggest` offers `alias/InterviewerMatching`, as reference 3.6.1 resolves it.
            names.add(d.path.split('.')[0]);
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

/** `alias/config.name`: a config parameter of the file the alias imports, as reference 3.6.1 resolves it. */
function importedConfigParameter(node: ast.MemberAccess): { alias: string; name: string } | undefined {
    if (!ast.isNameRef(node.receiver) || !node.receiver.ref.$refText.endsWith('/config')) {
        return undefined;
    }
    const match = /^([A-Za-z_]\w*)\/config$/.exec(node.receiver.ref.$refText);
    return match ? { alias: match[1], name: node.member.$refText } : undefined;
}

/** The parameters a module's config blocks declare. */
function configParameters(module: ast.Module): Set<string> {
    return new Set(module.declarations.filter(ast.isConfigDecl).flatMap(c => c.items)
        .flatMap(item => ast.isAssignment(item) || ast.isParamAssignment(item) ? [item.name] : []));
}

