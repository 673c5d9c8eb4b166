import type { AstNode } from 'langium';
import * as ast from '@allium/language';

/** A spec clause generated code can be linked to; `id` is stable across edits that do not reorder clauses. */
export interface Clause {
    /** e.g. `rule:ShipOrder/ensures#2`, `entity:Order/field:status`. */
    id: string;
    /** The declaration the clause belongs to, e.g. `rule:ShipOrder`. */
    owner: string;
    node: AstNode;
    /** Zero-based line range of the clause in the spec. */
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    text: string;
}

const KIND: Array<[(n: AstNode) => boolean, string]> = [
    [ast.isRuleDecl, 'rule'], [ast.isEntityDecl, 'entity'], [ast.isValueDecl, 'value'], [ast.isEnumDecl, 'enum'],
    [ast.isVariantDecl, 'variant'], [ast.isSurfaceDecl, 'surface'], [ast.isActorDecl, 'actor'],
    [ast.isContractDecl, 'contract'], [ast.isInvariantDecl, 'invariant'], [ast.isDefaultDecl, 'default']
];

/** The id of a top-level declaration, or undefined for those code is not generated from (use, open question). */
export function declarationId(declaration: AstNode): string | undefined {
    if (ast.isConfigDecl(declaration)) {
        return 'config';
    }
    const kind = KIND.find(([is]) => is(declaration))?.[1];
    return kind && 'name' in declaration ? `${kind}:${String(declaration.name)}` : undefined;
}

/** Every clause of the module, declarations first then their parts, in source order. */
export function clausesOf(module: ast.Module): Clause[] {
    const clauses: Clause[] = [];
    const add = (id: string, owner: string, node: AstNode) => {
        const cst = node.$cstNode;
        if (cst) {
            clauses.push({ id, owner, node, range: cst.range, text: cst.text });
        }
    };
    for (const declaration of module.declarations) {
        const owner = declarationId(declaration);
        if (!owner) {
            continue;
        }
        add(owner, owner, declaration);
        const counts = new Map<string, number>();
        const items = 'items' in declaration && Array.isArray(declaration.items) ? declaration.items as ast.BlockItem[] : [];
        for (const item of items) {
            const part = partId(item, counts);
            if (part) {
                add(`${owner}/${part}`, owner, item);
            }
        }
    }
    return clauses;
}

function partId(item: ast.BlockItem, counts: Map<string, number>): string | undefined {
    const numbered = (keyword: string) => {
        const n = (counts.get(keyword) ?? 0) + 1;
        counts.set(keyword, n);
        return `${keyword}#${n}`;
    };
    if (ast.isTriggerClause(item)) {
        return 'when';
    }
    if (ast.isAssignment(item)) {
        return ['requires', 'ensures', 'exposes', 'provides', 'related', 'timeout', 'identified_by'].includes(item.name)
            ? numbered(item.name) : `field:${item.name}`;
    }
    if (ast.isParamAssignment(item)) {
        return `field:${item.name}`;
    }
    if (ast.isTransitionsBlock(item)) {
        return `transitions:${item.field}`;
    }
    if (ast.isEntityInvariant(item)) {
        return `invariant:${item.name}`;
    }
    if (ast.isLetItem(item)) {
        return `let:${item.name}`;
    }
    if (ast.isForBlock(item) || ast.isIfBlock(item)) {
        return numbered(ast.isForBlock(item) ? 'for' : 'if');
    }
    if (ast.isBindingClause(item)) {
        return `${item.keyword}:${item.name}`;
    }
    if (ast.isContractsClause(item)) {
        return numbered('contracts');
    }
    return undefined;
}
