import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { nodesOf } from '../ast-nodes.js';
import type { SpecTypes } from '../typing/spec-types.js';
import type { Field } from '../typing/spec-nodes.js';
import { SurfacePaths } from '../typing/surface-paths.js';
import { declaredType } from '../typing/declared-types.js';
import { pathOf, textOf } from '../ast/names.js';

/** A literal a path is compared with; `key` tells values apart (`"a"`, `a` and `` `a` `` differ). */
interface Literal {
    key: string;
    node: AstNode;
    /** An enum value, as opposed to a string, number, boolean or null. */
    enumValue: boolean;
}

/** `path = v`, `path in {v, w}` (positive) or `path != v`, `path not in {v, w}`. */
interface Comparison {
    node: ast.BinaryExpr;
    path: string;
    literals: Literal[];
    /** The values of the enum field the path reads, when it reads one. */
    domain: string[] | undefined;
    positive: boolean;
}

/** What a guard has said so far of one path: the values it may still hold, and those it may not. */
interface PathState {
    allowed: Set<string> | undefined;
    excluded: Set<string>;
    domain: string[] | undefined;
    seen: ast.BinaryExpr[];
}

/**
 * A surface item's `when` guard that can never hold hides the item for good: the same path compared with two
 * different values (`x.status = a and x.status = b`), with a value and its negation, or with a value its enum does
 * not have. Only the comparisons joined by `and` are read; anything else in the guard constrains nothing here.
 */
export function surfaceGuardCheck(services: AlliumServices) {
    return (surface: ast.SurfaceDecl, accept: ValidationAcceptor): void => {
        const guards = nodesOf(surface).filter(ast.isWhenGuard);
        if (guards.length === 0) {
            return;
        }
        const paths = new SurfacePaths(surface, services.typing.SpecTypes);
        for (const guard of guards) {
            checkGuard(guard, paths, services.typing.SpecTypes, accept);
        }
    };
}

function checkGuard(guard: ast.WhenGuard, paths: SurfacePaths, types: SpecTypes, accept: ValidationAcceptor): void {
    const states = new Map<string, PathState>();
    for (const comparison of conjuncts(guard.condition).flatMap(c => comparisonOf(c, paths, types))) {
        const state = states.get(comparison.path) ?? { allowed: comparison.domain && new Set(comparison.domain), excluded: new Set<string>(), domain: comparison.domain, seen: [] };
        states.set(comparison.path, state);
        // A string or number compared with an enum field is a type question, not this one.
        if (state.domain && !comparison.literals.every(l => l.enumValue)) {
            continue;
        }
        state.seen.push(comparison.node);
        const keys = comparison.literals.map(l => l.key);
        if (comparison.positive && state.domain && keys.every(k => !state.domain?.includes(k))) {
            accept('warning', `'${textOf(comparison.literals[0].node)}' is not a value of '${comparison.path}' (${state.domain.join(' | ')}), so this guard can never hold and the item it guards is never available. Compare with one of its values.`,
                { node: comparison.literals[0].node, code: IssueCodes.SurfaceImpossibleWhen });
            return;
        }
        if (comparison.positive) {
            const before = state.allowed;
            state.allowed = new Set(keys.filter(k => !before || before.has(k)));
        } else {
            keys.forEach(k => state.excluded.add(k));
        }
        if (state.allowed && [...state.allowed].every(k => state.excluded.has(k))) {
            const values = state.domain ? `, whose values are ${state.domain.join(' | ')},` : '';
            accept('warning', `'${comparison.path}'${values} can never satisfy '${state.seen.map(textOf).join(' and ')}' at once, so this guard never holds and the item it guards is never available. Fix the condition.`,
                { node: comparison.node, code: IssueCodes.SurfaceImpossibleWhen });
            return;
        }
    }
}

/** The operands of a chain of `and`s, looking inside parentheses. */
function conjuncts(expression: AstNode): AstNode[] {
    if (ast.isParenthesized(expression)) {
        return conjuncts(expression.inner);
    }
    if (ast.isBinaryExpr(expression) && expression.operator === 'and') {
        return [...conjuncts(expression.left), ...conjuncts(expression.right)];
    }
    return [expression];
}

const OPERATORS = new Map([['=', { positive: true, set: false }], ['!=', { positive: false, set: false }],
    ['in', { positive: true, set: true }], ['not in', { positive: false, set: true }]]);

function comparisonOf(node: AstNode, paths: SurfacePaths, types: SpecTypes): Comparison[] {
    const operator = OPERATORS.get(ast.isBinaryExpr(node) ? node.operator : '');
    if (!operator || !ast.isBinaryExpr(node)) {
        return [];
    }
    const { positive, set } = operator;
    const sides: Array<[AstNode, AstNode]> = set ? [[node.left, node.right]] : [[node.left, node.right], [node.right, node.left]];
    for (const [access, other] of sides) {
        const path = pathOf(access);
        const domain = path ? domainOf(access, paths, types) : undefined;
        const operands = set ? (ast.isSetLiteral(other) ? other.elements : []) : [other];
        const literals = operands.map(o => literalOf(o, domain)).filter((l): l is Literal => l !== undefined);
        if (path && literals.length > 0 && literals.length === operands.length) {
            return [{ node, path, literals, positive, domain }];
        }
    }
    return [];
}

/**
 * A name is an enum value when it names one (`pending` linked to a literal), or when the compared field is an enum
 * and the name is not some binding of the spec (then it is a value the enum lacks, likely misspelt).
 */
function literalOf(node: AstNode, domain: string[] | undefined): Literal | undefined {
    if (ast.isStringLiteral(node)) {
        return { key: `"${node.value}"`, node, enumValue: false };
    }
    if (ast.isNumberLiteral(node)) {
        return { key: String(Number(node.value.replace(/_/g, ''))), node, enumValue: false };
    }
    if (ast.isBooleanLiteral(node) || ast.isNullLiteral(node)) {
        return { key: ast.isBooleanLiteral(node) ? node.value : 'null', node, enumValue: false };
    }
    if (ast.isBacktickLiteral(node)) {
        return { key: node.value, node, enumValue: true };
    }
    if (ast.isNameRef(node) && /^[a-z_]/.test(node.ref.$refText)) {
        const target = node.ref.ref;
        const enumValue = ast.isEnumLiteral(target) || (ast.isNameRef(target) && ast.isBinaryExpr(target.$container) && target.$container.operator === '|');
        return enumValue || (domain && !target) ? { key: node.ref.$refText, node, enumValue: true } : undefined;
    }
    return undefined;
}

/** The values an enum field can hold (with `null` when it may be absent), when the path reads one. */
function domainOf(access: AstNode, paths: SurfacePaths, types: SpecTypes): string[] | undefined {
    const field = ast.isMemberAccess(access) ? paths.fieldRead(access) : undefined;
    return field && enumValues(field, types);
}

function enumValues(field: Field, types: SpecTypes): string[] | undefined {
    const { type: value, optional, guarded } = declaredType(field);
    // `T?`, or `T when status = s`: absent in the other states.
    const absent = optional || guarded;
    const inline = pipeOperands(value);
    const named = types.typeOfValue(value, field)?.type;
    const values = inline.length > 1 ? inline.map(valueName) : ast.isEnumDecl(named) ? named.literals.map(l => l.name) : undefined;
    return values && !values.includes(undefined) ? [...values as string[], ...absent ? ['null'] : []] : undefined;
}

function pipeOperands(node: AstNode | undefined): AstNode[] {
    return ast.isBinaryExpr(node) && node.operator === '|' ? [...pipeOperands(node.left), ...pipeOperands(node.right)] : node ? [node] : [];
}

function valueName(node: AstNode): string | undefined {
    return ast.isNameRef(node) ? node.ref.$refText : ast.isBacktickLiteral(node) ? node.value : undefined;
}
