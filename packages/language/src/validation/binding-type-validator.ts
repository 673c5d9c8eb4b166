import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, identName } from '../ast/ast-views.js';
import { BUILT_IN_TYPES } from '../ast/type-expressions.js';

/**
 * What a `given` binding or a surface's `facing` party is must be declared: a `given` binds an entity of this
 * file or of an imported one, and a surface faces an actor or an entity.
 */
export function checkBindingTypes(module: ast.Module, accept: ValidationAcceptor): void {
    const aliases = new Set(module.declarations.filter(ast.isUseDecl).map(u => u.name).filter(n => n !== undefined));
    const entities = new Set(module.declarations.filter(d => ast.isEntityDecl(d) || ast.isVariantDecl(d)).map(d => (d as ast.EntityDecl).name));
    // JUXT's own examples bind plain values too (`given { now: Timestamp }`).
    const givable = new Set([...entities, ...BUILT_IN_TYPES]);
    const parties = new Set([...entities, ...blocks(module, ast.isActorDecl).map(a => a.name)]);
    const named = (value: ast.ClauseValue | undefined) => (ast.isNameRef(value) ? value : undefined);
    for (const given of module.declarations.filter(ast.isGivenDecl)) {
        for (const binding of given.items.filter(ast.isAssignment)) {
            const type = named(binding.value);
            if (type && !known(type, givable, aliases)) {
                accept('error', `'given ${binding.name}' is bound to '${type.ref.$refText}', which is not a built-in type nor an entity of this file or an imported one. Declare the entity, or import it ('use ... as alias' and alias/${type.ref.$refText}).`,
                    { node: type, code: IssueCodes.ContextUndefinedType });
            }
        }
    }
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const facing of surface.items.filter(ast.isBindingClause).filter(b => b.keyword === 'facing')) {
            const type = named(facing.value);
            if (type && !known(type, parties, aliases)) {
                accept('warning', `Surface '${surface.name}' faces '${type.ref.$refText}', which is not an actor or entity of this file. Declare 'actor ${type.ref.$refText}', or fix the name.`,
                    { node: type, code: IssueCodes.SurfaceMissingActor });
            }
        }
    }
}

function known(type: ast.NameRef, local: Set<string>, aliases: Set<string | undefined>): boolean {
    const name = type.ref.$refText;
    return name.includes('/') ? aliases.has(name.split('/')[0]) : local.has(identName(type) ?? name);
}
