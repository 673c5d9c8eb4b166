import type { AstNode } from 'langium';
import * as ast from '@allium/language';
import { formatClauseId, qualifyClauseId, type ClauseSegment } from './clause-ids.js';
import { fingerprint } from './fingerprint.js';

/** A spec clause generated code can be linked to. */
export interface Clause {
    /** e.g. `orders::rule:ShipOrder/ensures#2`; see clause-ids.ts. */
    id: string;
    /** The id of the declaration the clause belongs to, which is what a generation selects, e.g. `orders::rule:ShipOrder`. */
    owner: string;
    node: AstNode;
    /** Zero-based range of the clause in the spec. */
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    text: string;
    /** Of the clause's text as it means (see fingerprint.ts): a later edit changes it, a reorder does not. */
    fingerprint: string;
}

export interface ClauseOptions {
    /**
     * Give each field of an entity or value its own id. Off by default: the declaration's id covers its fields,
     * and a marker per field roughly doubles the output for no gain to a reader.
     */
    fieldIds?: boolean;
}

const KIND: Array<[(n: AstNode) => boolean, string]> = [
    [ast.isRuleDecl, 'rule'], [ast.isEntityDecl, 'entity'], [ast.isValueDecl, 'value'], [ast.isEnumDecl, 'enum'],
    [ast.isVariantDecl, 'variant'], [ast.isSurfaceDecl, 'surface'], [ast.isActorDecl, 'actor'],
    [ast.isContractDecl, 'contract'], [ast.isInvariantDecl, 'invariant'], [ast.isDefaultDecl, 'default']
];

/** Clause keywords that may occur more than once in a block, so their ids carry a position. */
const NUMBERED = new Set(['requires', 'ensures', 'exposes', 'provides', 'related', 'timeout', 'identified_by']);

/**
 * The id of a top-level declaration (without its module), or undefined for those code is not generated from
 * (use, given, deferred, open question).
 */
export function declarationId(declaration: AstNode): string | undefined {
    if (ast.isConfigDecl(declaration)) {
        return formatClauseId([{ keyword: 'config' }]);
    }
    const kind = KIND.find(([is]) => is(declaration))?.[1];
    const name = 'name' in declaration ? declaration.name : undefined;
    return kind && typeof name === 'string' && name !== '' ? formatClauseId([{ keyword: kind, name }]) : undefined;
}

/** Every clause of a module, each declaration followed by its parts, in source order; ids qualified by `moduleName`. */
export function clausesOf(module: ast.Module, moduleName?: string, options: ClauseOptions = {}): Clause[] {
    const clauses: Clause[] = [];
    const qualify = (id: string) => moduleName === undefined ? id : qualifyClauseId(moduleName, id);
    const add = (id: string, owner: string, node: AstNode) => {
        const cst = node.$cstNode;
        if (cst) {
            clauses.push({ id: qualify(id), owner: qualify(owner), node, range: cst.range, text: cst.text, fingerprint: fingerprint(cst.text) });
        }
    };
    for (const declaration of module.declarations) {
        const owner = declarationId(declaration);
        if (!owner) {
            continue;
        }
        add(owner, owner, declaration);
        const items = 'items' in declaration && Array.isArray(declaration.items) ? declaration.items as ast.BlockItem[] : [];
        if (ast.isConfigDecl(declaration)) {
            for (const item of items) {
                if ((ast.isAssignment(item) || ast.isParamAssignment(item)) && item.name) {
                    add(formatClauseId([{ keyword: 'config', name: item.name }]), owner, item);
                }
            }
            continue;
        }
        const counts = new Map<string, number>();
        for (const item of items) {
            const part = partOf(item, counts, options);
            if (part) {
                add(`${owner}/${formatClauseId([part])}`, owner, item);
            }
        }
    }
    return clauses;
}

function partOf(item: ast.BlockItem, counts: Map<string, number>, options: ClauseOptions): ClauseSegment | undefined {
    const numbered = (keyword: string): ClauseSegment => {
        const index = (counts.get(keyword) ?? 0) + 1;
        counts.set(keyword, index);
        return { keyword, index };
    };
    const named = (keyword: string, name: string | undefined): ClauseSegment | undefined => name ? { keyword, name } : undefined;
    if (ast.isTriggerClause(item)) {
        return { keyword: 'when' };
    }
    if (ast.isAssignment(item) && ast.isContractDecl(item.$container)) {
        return named('signature', item.name);
    }
    if (ast.isAssignment(item)) {
        return NUMBERED.has(item.name) ? numbered(item.name) : ast.isField(item) && !options.fieldIds ? undefined : named('field', item.name);
    }
    if (ast.isParamAssignment(item)) {
        return ast.isField(item) && !options.fieldIds ? undefined : named('field', item.name);
    }
    if (ast.isTransitionsBlock(item)) {
        return named('transitions', item.field);
    }
    if (ast.isEntityInvariant(item)) {
        return named('invariant', item.name);
    }
    if (ast.isLetItem(item)) {
        return named('let', item.name);
    }
    if (ast.isForBlock(item) || ast.isIfBlock(item)) {
        return numbered(ast.isForBlock(item) ? 'for' : 'if');
    }
    if (ast.isBindingClause(item)) {
        return named(item.keyword, item.name);
    }
    if (ast.isContractsClause(item)) {
        return numbered('contracts');
    }
    return undefined;
}
