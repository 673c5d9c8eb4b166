import { AstUtils, type AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import type { SpecTypes } from './spec-types.js';
import { isField, isStructured, type Field, type TypeDecl } from './spec-nodes.js';
import { variantsByBase } from '../ast/ast-views.js';
import { isScalarType } from './declared-types.js';

/** Every entity has a creation time; the reference's own temporal triggers read it without declaring it. */
const IMPLICIT_FIELDS = new Set(['created_at']);

/** What a path written in a surface reaches: one instance, a collection, or a plain value (with the field read last). */
export type Reach =
    | { kind: 'one'; type: TypeDecl }
    | { kind: 'many'; type: TypeDecl | undefined }
    | { kind: 'scalar'; field: Field | undefined };

/**
 * Walks the paths of one surface from its bindings (`facing`, `context`, `let`, `for`) through declared fields,
 * keeping track of collections, which the shared type reader does not. A path through something the spec does not
 * fully describe (an imported type that is not loaded, an external entity without fields, a derived value) reaches
 * nothing, so no finding is ever based on a guess.
 */
export class SurfacePaths {
    private readonly reached = new Map<AstNode, Reach | null>();

    constructor(private readonly surface: ast.SurfaceDecl, private readonly types: SpecTypes,
        private readonly onMissing?: (access: ast.MemberAccess, type: TypeDecl) => void) {}

    reach(expression: AstNode | undefined): Reach | undefined {
        if (!expression) {
            return undefined;
        }
        const known = this.reached.get(expression);
        if (known !== undefined) {
            return known ?? undefined;
        }
        // Marked before the walk: `let a = a.next` must end rather than loop.
        this.reached.set(expression, null);
        const reach = this.reachOnce(expression);
        this.reached.set(expression, reach ?? null);
        return reach;
    }

    /** The field `access` reads, when its receiver is fully described. */
    fieldRead(access: ast.MemberAccess): Field | undefined {
        const receiver = this.reach(access.receiver);
        const type = receiver && receiver.kind !== 'scalar' ? receiver.type : undefined;
        return type && this.completeFields(type)?.find(f => f.name === access.member.$refText);
    }

    private reachOnce(expression: AstNode): Reach | undefined {
        if (ast.isNameRef(expression)) {
            return this.reachName(expression);
        }
        if (ast.isMemberAccess(expression)) {
            return this.reachMember(expression);
        }
        if (ast.isFilter(expression) && expression.op === 'where') {
            const source = this.reach(expression.source);
            return source?.kind === 'many' ? source : undefined;
        }
        if (ast.isJoinLookup(expression)) {
            const type = ast.isNameRef(expression.entity) ? this.types.findType(expression.entity.ref.$refText, expression) : undefined;
            return type && isStructured(type) ? { kind: 'one', type } : undefined;
        }
        return ast.isParenthesized(expression) ? this.reach(expression.inner) : undefined;
    }

    private reachName(name: ast.NameRef): Reach | undefined {
        const target = name.ref.ref;
        if (target && AstUtils.getContainerOfType(target, ast.isSurfaceDecl) === this.surface) {
            return this.reachBinding(target);
        }
        // `Task` and `Tasks` name every Task.
        const written = name.ref.$refText;
        if (!/^[A-Z]/.test(written.slice(written.indexOf('/') + 1))) {
            return undefined;
        }
        const type = [written, written.replace(/ies$/, 'y'), written.replace(/s$/, '')]
            .map(candidate => this.types.findType(candidate, name)).find(t => t !== undefined);
        return type && isStructured(type) ? { kind: 'many', type } : undefined;
    }

    private reachBinding(binding: AstNode): Reach | undefined {
        if (ast.isBindingClause(binding)) {
            let value: AstNode = binding.value;
            while (ast.isFilter(value) || ast.isWhenGuard(value)) {
                value = ast.isFilter(value) ? value.source : value.action;
            }
            const type = ast.isNameRef(value) ? this.types.findType(value.ref.$refText, binding) : undefined;
            return type && isStructured(type) ? { kind: 'one', type } : undefined;
        }
        if (ast.isLetItem(binding) || ast.isLetExpr(binding)) {
            return this.reach(binding.value);
        }
        if (ast.isLoopVar(binding) && binding.$container.names.length === 1) {
            const collection = this.reach(binding.$container.$container.collection);
            return collection?.kind === 'many' && collection.type ? { kind: 'one', type: collection.type } : undefined;
        }
        return undefined;
    }

    private reachMember(access: ast.MemberAccess): Reach | undefined {
        const receiver = this.reach(access.receiver);
        const member = access.member.$refText;
        if (receiver?.kind === 'many') {
            return receiver.type && this.reachThroughCollection(receiver.type, member);
        }
        if (receiver?.kind !== 'one') {
            return undefined;
        }
        if (IMPLICIT_FIELDS.has(member)) {
            return { kind: 'scalar', field: undefined };
        }
        const fields = this.completeFields(receiver.type);
        const field = fields?.find(f => f.name === member);
        if (fields && !field) {
            this.onMissing?.(access, receiver.type);
        }
        return field && this.reachField(field);
    }

    /** `items.count`, `items.first`, or a field of every item (`confirmations.interviewer`). */
    private reachThroughCollection(element: TypeDecl, member: string): Reach | undefined {
        if (member === 'count') {
            return { kind: 'scalar', field: undefined };
        }
        if (member === 'first' || member === 'last') {
            return { kind: 'one', type: element };
        }
        const field = this.completeFields(element)?.find(f => f.name === member);
        const each = field && this.reachField(field);
        return each && { kind: 'many', type: each.kind === 'scalar' ? undefined : each.type };
    }

    private reachField(field: Field, depth = 0): Reach | undefined {
        if (!ast.isAssignment(field) || depth > 4) {
            return undefined;
        }
        const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
        const typed = this.types.typeOfValue(value, field);
        if (typed) {
            return ast.isEnumDecl(typed.type) ? { kind: 'scalar', field } : typed.collection ? { kind: 'many', type: typed.type } : { kind: 'one', type: typed.type };
        }
        if (isScalarType(value)) {
            return { kind: 'scalar', field };
        }
        if (ast.isFilter(value)) {
            // `confirmed_slots: slots where status = confirmed` keeps the items of the sibling it filters.
            const source: AstNode = value.source;
            const sibling = ast.isNameRef(source) ? source.ref.ref : undefined;
            const items = sibling && isField(sibling) ? this.reachField(sibling, depth + 1) : undefined;
            return { kind: 'many', type: items?.kind === 'many' ? items.type : undefined };
        }
        return ast.isGenericType(value) ? { kind: 'many', type: undefined } : undefined;
    }

    /** The fields of a type when the spec declares all of them; undefined when some could live elsewhere or not parse. */
    private completeFields(type: TypeDecl, depth = 0): Field[] | undefined {
        if (ast.isEnumDecl(type) || depth > 4 || type.items.some(ast.isStray)) {
            return undefined;
        }
        if (ast.isEntityDecl(type)) {
            const own = this.types.fieldsOf(type);
            return type.external && own.length === 0 ? undefined : [...own, ...variantsOf(type).flatMap(v => this.types.fieldsOf(v))];
        }
        if (ast.isVariantDecl(type)) {
            const base = this.types.findType(type.base, type);
            return base && this.completeFields(base, depth + 1) ? this.types.fieldsOf(type) : undefined;
        }
        if (ast.isActorDecl(type)) {
            const identified = this.types.identifiedType(type);
            return identified && this.completeFields(identified, depth + 1) ? this.types.fieldsOf(type) : undefined;
        }
        return this.types.fieldsOf(type);
    }
}

/** A sum type's variants: a base-typed path may read their fields (under a type guard). */
function variantsOf(base: ast.EntityDecl): readonly ast.VariantDecl[] {
    return variantsByBase(AstUtils.findRootNode(base) as ast.Module).get(base.name) ?? [];
}
