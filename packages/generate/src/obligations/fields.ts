import * as ast from '@allium/language';
import type { AstNode } from 'langium';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';

type FieldKind = 'optional' | 'relationship' | 'projection' | 'derived';

// In the reference's order: all optional fields of an entity, then its relationships, projections, derived values.
const KINDS: Array<{ kind: FieldKind; category: string; prefix: string; describe: (path: string) => string }> = [
    { kind: 'optional', category: 'entity_optional', prefix: 'entity-optional', describe: path => `${path} may be empty or hold a value, and both cases work` },
    { kind: 'relationship', category: 'entity_relationship', prefix: 'entity-relationship', describe: path => `${path} leads to exactly the related records` },
    { kind: 'projection', category: 'projection', prefix: 'projection', describe: path => `${path} keeps exactly the records its condition selects` },
    { kind: 'derived', category: 'derived', prefix: 'derived', describe: path => `${path} is computed from the fields it is defined by` }
];

// A derived value is a calculation or a condition over other fields. Membership (`in`), `??` and `|` are not
// among them, as in the reference: `a | b` lists states, and the others read a value rather than compute one.
const DERIVING_OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'and', 'or', 'implies', '+', '-', '*', '/']);

/**
 * An entity's or value's shape: one test that every field exists, then one per field whose value needs its own
 * test (optional, relationship, projection, derived). Parameterised fields (`f(x): ...`) are functions, not fields.
 */
export function fieldObligations(declaration: ast.EntityDecl | ast.ValueDecl, owner: string): Obligation[] {
    const name = declaration.name;
    const fields = declaration.items.filter((i): i is ast.Assignment => ast.isAssignment(i));
    const span = spanOf(declaration);
    const all: Obligation = {
        id: `entity-fields.${name}`, category: 'entity_fields', construct: name, owner, span,
        description: `${name} has each declared field, with its declared type`,
        detail: { fields: fields.map(f => f.name) }
    };
    // An entity without fields (`external entity Gateway {}`) has no shape to test.
    if (fields.length === 0) {
        return [];
    }
    // A value is tested as a whole (value_equality); like the reference, we give its fields no tests of their own.
    if (ast.isValueDecl(declaration)) {
        return [all];
    }
    const perField = KINDS.flatMap(({ kind, category, prefix, describe }) => fields.filter(f => kindOf(f.value) === kind)
        .map((field): Obligation => ({
            id: `${prefix}.${name}.${field.name}`, category, construct: `${name}.${field.name}`, owner, span,
            description: describe(`${name}.${field.name}`)
        })));
    return [all, ...perField];
}

function kindOf(value: AstNode | undefined): FieldKind | undefined {
    // `cancelled_by: String? when status = cancelled` is optional too: the guard only says when it is set.
    if (ast.isOptionalType(ast.isWhenGuard(value) ? value.action : value)) {
        return 'optional';
    }
    if (ast.isFilter(value)) {
        return value.op === 'with' ? 'relationship' : 'projection';
    }
    if (ast.isExprBlock(value) && value.items.length === 1) {
        return kindOf(value.items[0]);
    }
    const derived = (ast.isBinaryExpr(value) && DERIVING_OPERATORS.has(value.operator)) || ast.isParenthesized(value)
        || (ast.isUnaryExpr(value) && value.op !== 'exists');
    return derived ? 'derived' : undefined;
}
