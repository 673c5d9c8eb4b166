import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOfType } from '../ast-nodes.js';
import { discriminatorFields, identName } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';

/**
 * A variant extends an entity of this file (or `alias/Entity` of an imported one). A base entity with a discriminator
 * (`kind: Branch | Leaf`) lists every variant that extends it, and is never created itself: what exists is always one
 * of its variants.
 */
export function checkVariants(module: ast.Module, accept: ValidationAcceptor): void {
    const listed = new Map<string, Set<string>>();
    for (const entity of module.declarations.filter(ast.isEntityDecl)) {
        for (const field of discriminatorFields(entity.items)) {
            listed.set(entity.name, new Set(pipeRefs(field.value).map(n => n.ref.$refText)));
        }
    }
    const entities = new Set(module.declarations.filter(ast.isEntityDecl).map(e => e.name));
    for (const variant of module.declarations.filter(ast.isVariantDecl)) {
        if (variant.base && !variant.base.includes('/') && !entities.has(variant.base)) {
            accept('error', `'${variant.name}' extends '${variant.base}', which is not an entity of this file. Declare 'entity ${variant.base}' with a field listing its variants, or fix the name.`,
                { node: variant, property: 'base', code: IssueCodes.SumUndefinedBase });
        }
        const variants = listed.get(variant.base);
        if (variants && !variants.has(variant.name)) {
            accept('error', `'${variant.name}' extends '${variant.base}', but '${variant.base}' does not list it among its variants. Add '${variant.name}' to the discriminator of '${variant.base}'.`,
                { node: variant, property: 'name', code: IssueCodes.SumVariantMissingInDiscriminator });
        }
    }
    for (const call of nodesOfType<ast.Call>(module, 'Call')) {
        const base = ast.isMemberAccess(call.callee) && call.callee.member.$refText === 'created' ? identName(call.callee.receiver) : undefined;
        if (base && listed.has(base)) {
            accept('error', `'${base}' is a base entity with variants, so it is never created itself. Create one of its variants: ${[...listed.get(base)!].join(', ')}.`,
                { node: call.callee, code: IssueCodes.SumBaseInstantiation });
        }
    }
}
