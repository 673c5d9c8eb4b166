import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, identName, pipeNames, startsUppercase } from './ast-views.js';

/** `kind: Branch | Leaf` names variants: each needs `variant X : Entity`, and the names are all capitalised. */
export function checkDiscriminators(module: ast.Module, accept: ValidationAcceptor): void {
    const variantsByBase = new Map<string, Set<string>>();
    for (const variant of module.declarations.filter(ast.isVariantDecl)) {
        const names = variantsByBase.get(variant.base) ?? new Set<string>();
        variantsByBase.set(variant.base, names.add(variant.name));
    }
    for (const entity of module.declarations.filter(ast.isEntityDecl).filter(e => !e.external)) {
        for (const field of entity.items.filter(ast.isAssignment)) {
            const names = pipeNames(field.value);
            if (names.length < 2 || !names.some(n => startsUppercase(n.ref.$refText)) || !field.value) {
                continue;
            }
            if (!names.every(n => startsUppercase(n.ref.$refText))) {
                accept('error', `Entity '${entity.name}' discriminator '${field.name}' must use only capitalised variant names. Use lowercase values for an enum, or capitalised variant names for a sum type.`,
                    { node: field.value, code: 'allium.sum.invalidDiscriminator' });
                continue;
            }
            const declared = variantsByBase.get(entity.name) ?? new Set<string>();
            const missing = names.filter(n => !declared.has(n.ref.$refText));
            if (declared.size === 0) {
                accept('error', `Entity '${entity.name}' field '${field.name}' uses capitalised pipe values with no variant declarations. In v3, capitalised values are variant references requiring 'variant X : ${entity.name}' declarations. Use lowercase values for a plain enum.`,
                    { node: field.value, code: 'allium.sum.v1InlineEnum' });
                continue;
            }
            for (const name of missing) {
                accept('error', `Entity '${entity.name}' discriminator references '${name.ref.$refText}' without matching 'variant ${name.ref.$refText} : ${entity.name}'. Declare the variant.`,
                    { node: name, code: 'allium.sum.discriminatorUnknownVariant' });
            }
        }
    }
}

/** A surface's `related:` entries must name surfaces of this file. */
export function checkRelatedSurfaces(module: ast.Module, accept: ValidationAcceptor): void {
    const surfaces = new Set(module.declarations.filter(ast.isSurfaceDecl).map(s => s.name));
    for (const surface of module.declarations.filter(ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'related')) {
            for (const name of clause.value.flatMap(relatedNames)) {
                if (!surfaces.has(name.ref.$refText)) {
                    accept('error', `Surface '${surface.name}' references unknown related surface '${name.ref.$refText}'. Declare the surface, or fix the name.`,
                        { node: name, code: 'allium.surface.relatedUndefined' });
                }
            }
        }
    }
}

function relatedNames(node: AstNode | undefined): ast.NameRef[] {
    if (identName(node) !== undefined) {
        return [node as ast.NameRef];
    }
    if (ast.isWhenGuard(node)) {
        return relatedNames(node.action);
    }
    if (ast.isCall(node)) {
        let callee: AstNode | undefined = node.callee;
        while (ast.isMemberAccess(callee)) {
            callee = callee.receiver;
        }
        return identName(callee) !== undefined ? [callee as ast.NameRef] : [];
    }
    return [];
}
