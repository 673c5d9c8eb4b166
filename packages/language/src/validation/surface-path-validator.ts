import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { nodesOf } from '../ast-nodes.js';
import type { SpecTypes } from '../typing/spec-types.js';
import { type Field, type TypeDecl } from '../typing/spec-nodes.js';
import { SurfacePaths, type Reach } from '../typing/surface-paths.js';
import { declaredType, isScalarType } from '../typing/declared-types.js';
import { clausesOf, identName } from '../ast/ast-views.js';
import { textOf } from '../ast/names.js';
import { treeMemo } from '../ast/tree-memo.js';

/**
 * Rules 29, 33 and 34: a surface's paths must lead through declared fields from its bindings, and its `for`s must
 * iterate collections. An exposed stored field that only surfaces mention is reported too, as possibly dead.
 */
export function surfacePathCheck(services: AlliumServices) {
    return (surface: ast.SurfaceDecl, accept: ValidationAcceptor): void => {
        const paths = new SurfacePaths(surface, services.typing.SpecTypes, (access, type) =>
            accept('error', `${describe(type, services.typing.SpecTypes)} has no field '${access.member.$refText}', so surface '${surface.name}' cannot reach '${textOf(access)}'. Declare the field, or fix the path.`,
                { node: access, property: 'member', code: IssueCodes.SurfaceUndefinedPath, data: { fields: fieldNames(type, services.typing.SpecTypes) } }));
        const nodes = nodesOf(surface);
        for (const access of nodes.filter(ast.isMemberAccess)) {
            paths.reach(access);
        }
        for (const loop of nodes.filter((n): n is ast.ForBlock | ast.ForExpr => ast.isForBlock(n) || ast.isForExpr(n))) {
            checkIteration(surface, loop, paths.reach(loop.collection), accept);
        }
        checkExposedFields(surface, paths, accept);
    };
}

function checkIteration(surface: ast.SurfaceDecl, loop: ast.ForBlock | ast.ForExpr, reach: Reach | undefined, accept: ValidationAcceptor): void {
    if (reach?.kind === 'one' || reach?.kind === 'scalar') {
        const what = reach.kind === 'one' ? `a single ${reach.type.name}` : 'a single value';
        accept('error', `'${textOf(loop.collection)}' is ${what}, not a collection, so surface '${surface.name}' cannot iterate over it. Iterate over a collection (a List<...>, Set<...> or relationship field), or use the value directly.`,
            { node: loop.collection, code: IssueCodes.SurfaceNonCollectionIteration });
    }
}

function checkExposedFields(surface: ast.SurfaceDecl, paths: SurfacePaths, accept: ValidationAcceptor): void {
    const module = AstUtils.findRootNode(surface) as ast.Module;
    for (const access of clausesOf(surface.items).filter(c => c.keyword === 'exposes').flatMap(c => c.value.flatMap(exposedPaths))) {
        const field = paths.fieldRead(access);
        const owner = field?.$container;
        if (field && isStoredField(field) && (ast.isEntityDecl(owner) && !owner.external || ast.isVariantDecl(owner))
            && AstUtils.findRootNode(owner) === module && !namesOutsideSurfaces(module).has(field.name)) {
            accept('info', `Surface '${surface.name}' exposes '${owner.name}.${field.name}', but nothing in this file outside surfaces reads or sets it (no rule, creation or derived value), so it may be dead data. Set or use it in a rule, or stop exposing it.`,
                { node: access, property: 'member', code: IssueCodes.SurfaceUnusedPath });
        }
    }
}

/** The paths an `exposes` item shows: `a.b`, `a.b when c`, and those inside `for x in xs:`. */
function exposedPaths(item: AstNode): ast.MemberAccess[] {
    if (ast.isWhenGuard(item)) {
        return exposedPaths(item.action);
    }
    if (ast.isForExpr(item)) {
        return (item.body?.items ?? []).flatMap(exposedPaths);
    }
    return ast.isMemberAccess(item) ? [item] : [];
}

/** A field holding data (`total: Money`, `status: a | b`), not one computed from others or a relationship. */
function isStoredField(field: Field): boolean {
    const { type } = declaredType(field);
    return ast.isAssignment(field) && (isScalarType(type) || ast.isGenericType(type) || (ast.isNameRef(type) && /^[A-Z]/.test(type.ref.$refText)));
}

/**
 * Every field-like name the module mentions outside its surfaces: `x.field`, bare `field`, `Entity.created(field: ...)`,
 * `Entity{field: ...}`, `{field: ...}`. Rules, and the derived values and actor identities rules read, all count.
 * Read once per parse, for all the module's surfaces (see treeMemo).
 */
const namesOutsideSurfaces = treeMemo((module: ast.Module) => {
    const names = new Set<string>();
    for (const node of module.declarations.filter(d => !ast.isSurfaceDecl(d)).flatMap(d => nodesOf(d))) {
        const name = ast.isMemberAccess(node) ? node.member.$refText : ast.isJoinField(node) ? node.field
            : ast.isCallArg(node) || ast.isObjectField(node) ? node.name : identName(node);
        if (name) {
            names.add(name);
        }
    }
    return names;
});

/** `'Order'`, or `'Admin' (a User)` for an actor, whose fields are those of the entity it identifies. */
function describe(type: TypeDecl, types: SpecTypes): string {
    const identified = types.identifiedType(type);
    return identified ? `'${type.name}' (a ${identified.name})` : `'${type.name}'`;
}

/** The fields a path can go on with: an actor's are those of the entity that identifies it. Quick fixes offer them. */
function fieldNames(type: TypeDecl, types: SpecTypes): string[] {
    return types.fieldsOf(types.identifiedType(type) ?? type).map(f => f.name);
}
