import { IssueCodes } from '../diagnostics/catalogue.js';
import type { LangiumCoreServices, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { typeIn } from '../typing/spec-nodes.js';
import { importedModules } from './imported-modules.js';
import { BUILT_IN_TYPES } from '../ast/type-expressions.js';

const BUILT_IN = new Set(BUILT_IN_TYPES);

/**
 * `default Role viewer = {...}` names a type this file declares, a built-in one, or one imported as `alias/Role`
 * through a `use ... as alias` of this file (qualified names are checked with every other `alias/Name`, in
 * import-alias-validator.ts).
 */
export function defaultTypeCheck(services: LangiumCoreServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const typed = module.declarations.filter((d): d is ast.DefaultDecl & { type: string } => ast.isDefaultDecl(d) && d.type !== undefined);
        for (const declaration of typed) {
            if (!declaration.type.includes('/') && !BUILT_IN.has(declaration.type) && !typeIn(module, declaration.type)) {
                checkUnqualified(services, module, declaration, accept);
            }
        }
    };
}

/** A type an imported module declares must be qualified; one that two of them declare is already reported as ambiguous. */
function checkUnqualified(services: LangiumCoreServices, module: ast.Module, declaration: ast.DefaultDecl & { type: string }, accept: ValidationAcceptor): void {
    const offering = importedModules(services, module).filter(i => typeIn(i.module, declaration.type));
    if (offering.length > 1) {
        return;
    }
    const fix = offering.length === 1
        ? `Qualify it as '${offering[0].alias}/${declaration.type}', the module that declares it.`
        : `Declare it (entity, value, enum or variant), import it with 'use', or fix the name.`;
    accept('error', `Default '${declaration.name}' is of type '${declaration.type}', which this file neither declares nor imports. ${fix}`,
        { node: declaration, property: 'type', code: IssueCodes.DefaultUndefinedType });
}
