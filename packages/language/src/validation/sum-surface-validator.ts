import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, identName, startsUppercase, variantsByBase } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';

/** `kind: Branch | Leaf` names variants: each needs `variant X : Entity`, and the names are all capitalised. */
export function checkDiscriminators(module: ast.Module, accept: ValidationAcceptor): void {
    for (const entity of module.declarations.filter(ast.isEntityDecl).filter(e => !e.external)) {
        for (const field of entity.items.filter(ast.isAssignment)) {
            const names = pipeRefs(field.value);
            if (names.length < 2 || !names.some(n => startsUppercase(n.ref.$refText)) || !field.value) {
                continue;
            }
            if (!names.every(n => startsUppercase(n.ref.$refText))) {
                accept('error', `'${entity.name}.${field.name}' mixes capitalised and lowercase names. Capitalise them all for variants of a sum type, or write them all in lowercase for an enum.`,
                    { node: field.value, code: IssueCodes.SumInvalidDiscriminator });
                continue;
            }
            const declared = new Set(variantsByBase(module).get(entity.name)?.map(v => v.name));
            const missing = names.filter(n => !declared.has(n.ref.$refText));
            if (declared.size === 0) {
                accept('error', `'${entity.name}.${field.name}' lists capitalised names, which in Allium 3 are variants, yet no variant extends '${entity.name}'. Declare them ('variant X : ${entity.name}'), or write the values in lowercase for an enum.`,
                    { node: field.value, code: 'allium.sum.v1InlineEnum' });
                continue;
            }
            for (const name of missing) {
                accept('error', `'${name.ref.$refText}' is listed as a variant of '${entity.name}' but not declared. Add 'variant ${name.ref.$refText} : ${entity.name}', or remove it from the list.`,
                    { node: name, code: IssueCodes.SumDiscriminatorUnknownVariant });
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
                    accept('error', `No surface '${name.ref.$refText}' in this file, so '${surface.name}' cannot relate to it. Declare the surface, or fix the name.`,
                        { node: name, code: IssueCodes.SurfaceRelatedUndefined });
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
