import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { bare, COMPARISON, fieldValue, isBinary, LOGICAL, plainName } from '../analysis/expression-shapes.js';
import { CLAUSE_KEYWORDS } from '../ast/ast-views.js';

// The domain model of a module in the JSON shape of the reference `allium model` (snake_case keys; a key whose
// value is empty, false or absent is left out), so that code generators written for the reference read ours.

export interface DomainModel {
    entities: EntityModel[];
    value_types: ValueTypeModel[];
    enums: { name: string; values: string[] }[];
    config: { name: string; type_expr: string; default_expr?: string }[];
}

export interface EntityModel {
    name: string;
    kind: 'internal' | 'external';
    fields: FieldModel[];
    relationships?: { name: string; target: string }[];
    projections?: { name: string; source: string }[];
    derived_values?: { name: string; when_set?: WhenSet }[];
    transition_graphs?: { field: string; edges: { from: string; to: string }[]; terminal?: string[]; states: string[] }[];
    invariants?: { name: string; scope: 'entity'; expression: string }[];
}

export interface FieldModel {
    name: string;
    /** The field's type as written. */
    type_expr: string;
    optional?: true;
    /** The values of an inline enum (`pending | done`). */
    enum_values?: string[];
    /** The states of a status field the field exists in (`shipped_at: Timestamp when status = shipped | delivered`). */
    when_set?: WhenSet;
    /** Bounds entity invariants put on the field alone (`invariant Positive { this.total > 0 }`). */
    constraints?: { invariant: string; bound: string }[];
}

export interface WhenSet {
    status_field: string;
    qualifying_states: string[];
}

export interface ValueTypeModel {
    name: string;
    fields: FieldModel[];
}

/** The entities, value types, enums and config parameters the module declares, in source order. */
export function domainModelOf(module: ast.Module): DomainModel {
    const model: DomainModel = { entities: [], value_types: [], enums: [], config: [] };
    for (const declaration of module.declarations) {
        if (ast.isEntityDecl(declaration)) {
            model.entities.push(entityModel(declaration));
        } else if (ast.isValueDecl(declaration)) {
            model.value_types.push({
                name: declaration.name ?? '',
                fields: declaration.items.filter(isField).map(f => ({ name: f.name, value: fieldValue(f) })).filter(f => !isDerived(f.value) && !ast.isWhenGuard(f.value))
                    .map(f => withoutEmpty({ name: f.name, type_expr: textOf(f.value), optional: ast.isOptionalType(f.value) || undefined }))
            });
        } else if (ast.isEnumDecl(declaration)) {
            model.enums.push({ name: declaration.name ?? '', values: declaration.literals.map(l => l.name.replace(/^`(.*)`$/, '$1')) });
        } else if (ast.isConfigDecl(declaration)) {
            for (const item of declaration.items.filter(isField)) {
                const value = bare(fieldValue(item));
                model.config.push(isBinary(value, '=')
                    ? { name: item.name, type_expr: textOf(value.left), default_expr: textOf(value.right) }
                    : { name: item.name, type_expr: textOf(fieldValue(item)) });
            }
        }
    }
    return model;
}

function entityModel(entity: ast.EntityDecl): EntityModel {
    const fields: FieldModel[] = [];
    const relationships: { name: string; target: string }[] = [];
    const projections: { name: string; source: string }[] = [];
    const derived: { name: string; when_set?: WhenSet }[] = [];
    const graphs: NonNullable<EntityModel['transition_graphs']> = [];
    const invariants: NonNullable<EntityModel['invariants']> = [];
    const whenSets = new Map<string, WhenSet>();
    for (const item of entity.items) {
        if (isField(item)) {
            const value = fieldValue(item);
            const when = whenSetOf(value);
            const type = ast.isWhenGuard(value) && when ? value.action : value;
            if (when) {
                whenSets.set(item.name, when);
                fields.push(fieldModel(item.name, type, when));
            } else if (ast.isFilter(value) && value.op === 'with') {
                relationships.push({ name: item.name, target: plainName(value.source) ?? 'unknown' });
            } else if (ast.isFilter(value) && value.op === 'where') {
                projections.push({ name: item.name, source: plainName(value.source) ?? 'unknown' });
            } else if (isDerived(value)) {
                derived.push(withoutEmpty({ name: item.name, when_set: derivedWhenSet(value, whenSets) }));
            } else {
                fields.push(fieldModel(item.name, value, undefined));
            }
        } else if (ast.isTransitionsBlock(item)) {
            const edges = item.edges.map(e => ({ from: e.from?.name ?? '', to: e.to?.name ?? '' }));
            const terminal = item.terminals.map(t => t.name);
            const states = [...new Set([...edges.flatMap(e => [e.from, e.to]), ...terminal])].sort();
            graphs.push(withoutEmpty({ field: item.field, edges, terminal, states }, ['edges', 'states']));
        } else if (ast.isEntityInvariant(item)) {
            invariants.push({ name: item.name, scope: 'entity', expression: item.body.length > 0 ? textBetween(item.body[0], item.body[item.body.length - 1]) : '' });
            const bound = item.body.length === 1 ? singleFieldBound(item.body[0]) : undefined;
            const field = bound && fields.find(f => f.name === bound.field);
            if (field) {
                (field.constraints ??= []).push({ invariant: item.name, bound: bound.bound });
            }
        }
    }
    return withoutEmpty({
        name: entity.name ?? '',
        kind: entity.external ? 'external' : 'internal',
        fields,
        relationships,
        projections,
        derived_values: derived,
        transition_graphs: graphs,
        invariants
    }, ['fields']);
}

/** `name: value`, where the name is not a clause's keyword: `timeout: Integer` in a config is the `timeout:` clause to the reference. */
function isField(item: ast.BlockItem): item is ast.Assignment {
    return ast.isAssignment(item) && !CLAUSE_KEYWORDS.has(item.name);
}

function fieldModel(name: string, type: AstNode | undefined, when: WhenSet | undefined): FieldModel {
    return withoutEmpty({
        name,
        type_expr: textOf(type),
        optional: ast.isOptionalType(type) || undefined,
        enum_values: inlineEnumValues(type),
        when_set: when
    });
}

/** `status = a | b` of `field: Type when status = a | b`. */
function whenSetOf(value: AstNode | undefined): WhenSet | undefined {
    if (!ast.isWhenGuard(value)) {
        return undefined;
    }
    const condition = bare(value.condition);
    const field = isBinary(condition, '=') ? plainName(condition.left) : undefined;
    return field !== undefined && isBinary(condition, '=') ? { status_field: field, qualifying_states: pipeNames(condition.right) } : undefined;
}

function pipeNames(node: AstNode | undefined): string[] {
    const n = bare(node);
    if (isBinary(n, '|')) {
        return [...pipeNames(n.left), ...pipeNames(n.right)];
    }
    const name = plainName(n);
    return name === undefined ? [] : [name];
}

/** The lowercase names of an inline enum: `pending | done`. */
function inlineEnumValues(node: AstNode | undefined): string[] {
    return pipeNames(node).filter(name => /^\p{Ll}/u.test(name));
}

/** A value computed from other fields: a comparison, a logical or arithmetic expression, a negation. */
function isDerived(node: AstNode | undefined): boolean {
    const n = bare(node);
    if (ast.isUnaryExpr(n)) {
        const operand = bare(n.operand);
        return n.op === 'not' && !(ast.isUnaryExpr(operand) && operand.op === 'exists');
    }
    return isBinary(n, ...COMPARISON, ...LOGICAL, '+', '-', '*', '/');
}

/**
 * The states a derived value exists in: the intersection of the `when` sets of the fields it reads, among those
 * declared before it; fields qualified by another status field than the first one's are left out.
 */
function derivedWhenSet(node: AstNode | undefined, whenSets: Map<string, WhenSet>): WhenSet | undefined {
    let result: WhenSet | undefined;
    for (const name of fieldsRead(node)) {
        const set = whenSets.get(name);
        if (!set) {
            continue;
        }
        if (!result) {
            result = { status_field: set.status_field, qualifying_states: [...new Set(set.qualifying_states)].sort() };
        } else if (result.status_field === set.status_field) {
            result.qualifying_states = result.qualifying_states.filter(s => set.qualifying_states.includes(s));
        }
    }
    return result;
}

/** Names an expression reads through operators: `a`, and `b` of `x.b`. */
function fieldsRead(node: AstNode | undefined): string[] {
    const n = bare(node);
    if (ast.isBinaryExpr(n) && [...COMPARISON, ...LOGICAL, '+', '-', '*', '/'].includes(n.operator)) {
        return [...fieldsRead(n.left), ...fieldsRead(n.right)];
    }
    if (ast.isUnaryExpr(n) && n.op === 'not') {
        return fieldsRead(n.operand);
    }
    if (ast.isMemberAccess(n) && !n.optional) {
        return [n.member.$refText];
    }
    const name = plainName(n);
    return name === undefined ? [] : [name];
}

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `{ field: 'total', bound: '> 0' }` of `this.total > 0` (or `0 < this.total`). */
function singleFieldBound(node: AstNode): { field: string; bound: string } | undefined {
    const n = bare(node);
    if (!isBinary(n, ...COMPARISON)) {
        return undefined;
    }
    const thisField = (side: AstNode) => {
        const m = bare(side);
        return ast.isMemberAccess(m) && !m.optional && ast.isThisLiteral(bare(m.receiver)) ? m.member.$refText : undefined;
    };
    const left = thisField(n.left);
    const leftValue = literalText(n.right);
    if (left !== undefined && leftValue !== undefined) {
        return { field: left, bound: `${n.operator} ${leftValue}` };
    }
    const right = thisField(n.right);
    const rightValue = literalText(n.left);
    return right !== undefined && rightValue !== undefined ? { field: right, bound: `${FLIPPED[n.operator] ?? n.operator} ${rightValue}` } : undefined;
}

function literalText(node: AstNode): string | undefined {
    const n = bare(node);
    if (ast.isNumberLiteral(n) || ast.isStringLiteral(n) || ast.isNullLiteral(n) || ast.isBooleanLiteral(n)) {
        return textOf(n);
    }
    return plainName(n);
}

function textOf(node: AstNode | undefined): string {
    return node?.$cstNode?.text ?? '';
}

function textBetween(first: AstNode, last: AstNode): string {
    const text = first.$cstNode?.root.fullText ?? '';
    return text.slice(first.$cstNode?.offset ?? 0, last.$cstNode?.end ?? 0);
}

/** `value` without the keys whose value is undefined or an empty array, except those in `keep`. */
function withoutEmpty<T extends object>(value: T, keep: string[] = []): T {
    return Object.fromEntries(Object.entries(value).filter(([k, v]) => keep.includes(k) || !(v === undefined || (Array.isArray(v) && v.length === 0)))) as T;
}
