import type { AstNode } from 'langium';
import { nodesOf } from '../ast-nodes.js';
import * as ast from '../generated/ast.js';
import { pipeRefs } from './names.js';
import { treeMemo } from './tree-memo.js';

/**
 * Reference-checker views of the generic AST: which block items are clauses, what a clause's value
 * items are, plain names, member accesses. Shared by the lifecycle and usage validators.
 */

export const CLAUSE_KEYWORDS = new Set(['when', 'requires', 'ensures', 'facing', 'context', 'exposes', 'provides', 'related',
    'timeout', 'contracts', 'identified_by', 'within']);

export type Declaration = ast.Module['declarations'][number];

/** Named block declarations and their items, by kind. */
export function blocks<T extends Declaration>(module: ast.Module, is: (d: AstNode) => d is T): T[] {
    return module.declarations.filter(is);
}

/** The value of a clause as a list of expressions: the items of an indented block, or the single expression. */
export function valueItems(value: ast.ClauseValue | ast.BranchBody | undefined): AstNode[] {
    if (!value) {
        return [];
    }
    if (ast.isExprBlock(value) || ast.isBranchBody(value)) {
        return value.items;
    }
    return [value];
}

export interface Clause {
    keyword: string;
    value: AstNode[];
    node: AstNode;
}

/**
 * Readings of a block's items that most file-wide checks ask for each rule, entity or surface: worked out once per
 * items array. A WeakMap keyed by the array, for the reasons of `treeMemo` (tree-memo.ts): they read only the tree's
 * own text, and an array of items is part of its tree.
 */
function itemsMemo<V>(read: (items: ast.BlockItem[]) => V): (items: ast.BlockItem[]) => V {
    const memo = new WeakMap<ast.BlockItem[], V>();
    return items => {
        let value = memo.get(items);
        if (value === undefined) {
            memo.set(items, value = read(items));
        }
        return value;
    };
}

/** `keyword: value` clauses of a block, descending into `if`/`for` block bodies. */
export const clausesOf: (items: ast.BlockItem[]) => readonly Clause[] = itemsMemo(items => readClauses(items));

function readClauses(items: ast.BlockItem[]): Clause[] {
    const out: Clause[] = [];
    for (const item of items) {
        if (ast.isTriggerClause(item)) {
            out.push({ keyword: 'when', value: item.trigger ? [item.trigger] : [], node: item });
        } else if (ast.isAssignment(item) && CLAUSE_KEYWORDS.has(item.name)) {
            out.push({ keyword: item.name, value: valueItems(item.value), node: item });
        } else if (ast.isBindingClause(item)) {
            out.push({ keyword: item.keyword, value: valueItems(item.value), node: item });
        } else if (ast.isIfBlock(item)) {
            for (const branch of item.branches) {
                out.push(...readClauses(branch.body?.items ?? []));
            }
            out.push(...readClauses(item.elseBody?.items ?? []));
        } else if (ast.isForBlock(item)) {
            out.push(...readClauses(item.body?.items ?? []));
        }
    }
    return out;
}

/** Field-like items of an entity or value: `name: value` assignments that are not clauses. */
export const fieldsOf: (items: ast.BlockItem[]) => readonly ast.Assignment[] = itemsMemo(items =>
    items.filter((i): i is ast.Assignment => ast.isAssignment(i) && !CLAUSE_KEYWORDS.has(i.name)));

/** A plain, unqualified name: `order`, `Order`. */
export function identName(node: AstNode | undefined): string | undefined {
    if (ast.isNameRef(node) && !node.ref.$refText.includes('/')) {
        return node.ref.$refText;
    }
    return undefined;
}

/** `object.field` where object is a plain name. */
export function memberOfIdent(node: AstNode | undefined): { object: string; field: string } | undefined {
    if (ast.isMemberAccess(node) && !node.optional) {
        const object = identName(node.receiver);
        if (object !== undefined) {
            return { object, field: node.member.$refText };
        }
    }
    return undefined;
}

/** `root.mid.last` where root is a plain name. */
export function nestedMember(node: AstNode | undefined): { root: string; mid: string; last: string } | undefined {
    if (ast.isMemberAccess(node) && ast.isMemberAccess(node.receiver)) {
        const root = identName(node.receiver.receiver);
        if (root !== undefined) {
            return { root, mid: node.receiver.member.$refText, last: node.member.$refText };
        }
    }
    return undefined;
}

export function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
    return a.size === b.size && [...a].every(v => b.has(v));
}

/** `/^[A-Z]/`, without a regular expression: the checks ask it of every name in the file. */
export function startsUppercase(name: string): boolean {
    const first = name.charCodeAt(0);
    return first >= 65 /* A */ && first <= 90 /* Z */;
}

/** A call's callee as a plain name: `Foo(...)`. */
export function calleeName(node: AstNode | undefined): ast.NameRef | undefined {
    return ast.isCall(node) && ast.isNameRef(node.callee) && identName(node.callee) !== undefined ? node.callee : undefined;
}

/** Every node below `roots`, including the roots. */
export function allNodes(roots: AstNode[]): readonly AstNode[] {
    return roots.length === 1 ? nodesOf(roots[0]) : roots.flatMap(root => nodesOf(root));
}

/** The variants a module declares, by the base they extend as written (`Node`, or `alias/Node`). */
export const variantsByBase: (module: ast.Module) => ReadonlyMap<string, readonly ast.VariantDecl[]> = treeMemo((module: ast.Module) => {
    const index = new Map<string, ast.VariantDecl[]>();
    for (const variant of module.declarations.filter(ast.isVariantDecl)) {
        index.set(variant.base, [...index.get(variant.base) ?? [], variant]);
    }
    return index;
});

/** Fields listing a sum type's variants: two or more capitalised names (`kind: Branch | Leaf`). */
export function discriminatorFields(items: ast.BlockItem[]): ast.Assignment[] {
    return fieldsOf(items).filter(field => {
        const names = pipeRefs(field.value).map(n => n.ref.$refText);
        return names.length > 1 && names.every(startsUppercase);
    });
}
