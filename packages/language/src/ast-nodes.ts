import { isMultiReference, isReference, MultiMap, type AstNode, type ReferenceInfo } from 'langium';
import { treeMemo } from './ast/tree-memo.js';

interface Listing {
    nodes: AstNode[];
    /** `ends[i]`: the index after the last node below `nodes[i]`. */
    ends: number[];
}

// Listings are memos of a tree's own shape, so WeakMaps keyed by the tree hold them, as `treeMemo` does and for the
// same reasons (see ast/tree-memo.ts); a subtree's listing is a slice of its whole tree's, hence a map of its own.
const listings = new WeakMap<AstNode, Listing>();
/** A node's index in the listing of its whole tree; a symbol, so walks over a node's properties never see it. */
const POSITION = Symbol('position');

/**
 * `root` and every node below it in document order, listed once per parse. Scope computation, validation
 * and several validators walk the same trees; Langium's generator-based `streamAst` costs more than the
 * work done per node on large specs. A subtree of a listed tree is a slice of its listing.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    const listing = listings.get(root);
    if (listing) {
        return listing.nodes;
    }
    const top = topOf(root);
    const whole = listings.get(top);
    const at = (root as Positioned)[POSITION];
    if (whole && at !== undefined && whole.nodes[at] === root) {
        // Kept: several validators walk the same rule or clause. With its ends, so that the listing of a tree
        // spliced around this subtree takes it whole instead of walking it again.
        const slice = whole.nodes.slice(at, whole.ends[at]);
        const ends = whole.ends.slice(at, whole.ends[at]);
        for (let i = 0; i < ends.length; i++) {
            ends[i] -= at;
        }
        listings.set(root, { nodes: slice, ends });
        return slice;
    }
    const listed: Listing = { nodes: [], ends: [] };
    collect(root, listed, root === top);
    listings.set(root, listed);
    return listed.nodes;
}

type Positioned = AstNode & { [POSITION]?: number };

/**
 * Calls `visit` on `root` and every node below it, in document order. A subtree of a listed tree is walked in place in
 * its tree's listing: a validator that reads each declaration or clause once need not copy and keep its slice.
 */
export function forEachNode(root: AstNode, visit: (node: AstNode) => void): void {
    const whole = listings.get(topOf(root));
    const at = (root as Positioned)[POSITION];
    if (whole && at !== undefined && whole.nodes[at] === root) {
        const { nodes, ends } = whole;
        for (let i = at, end = ends[at]; i < end; i++) {
            visit(nodes[i]);
        }
        return;
    }
    for (const node of nodesOf(root)) {
        visit(node);
    }
}

/** Every type's nodes at once: the checks ask for several types of the same tree, and one pass sorts them all. */
const byType = treeMemo((root: AstNode) => {
    const types = new MultiMap<string, AstNode>();
    for (const node of nodesOf(root)) {
        types.add(node.$type, node);
    }
    return types;
});

/** The nodes of one `$type` in `root`'s tree, in document order; listed once per parse. */
export function nodesOfType<T extends AstNode>(root: AstNode, type: T['$type']): readonly T[] {
    return byType(root).get(type) as readonly T[];
}

/** The declaration of the module `node` is in (`node` itself for a declaration); none for the module and its strays. */
export function declarationOf(node: AstNode): AstNode | undefined {
    let declaration = node;
    while (declaration.$container?.$container) {
        declaration = declaration.$container;
    }
    return declaration.$container && declaration.$containerProperty === 'declarations' ? declaration : undefined;
}

function topOf(node: AstNode): AstNode {
    let top = node;
    while (top.$container) {
        top = top.$container;
    }
    return top;
}

function collect(node: AstNode, listing: Listing, positioned: boolean): void {
    const at = listing.nodes.length;
    const listed = positioned && node.$container ? listings.get(node) : undefined;
    if (listed && listed.ends.length === listed.nodes.length) {
        // A subtree a splice kept from the previous parse, listed then: the same nodes, at new positions.
        for (let i = 0; i < listed.nodes.length; i++) {
            const kept = listed.nodes[i] as Positioned;
            kept[POSITION] = at + i;
            listing.nodes.push(kept);
            listing.ends.push(at + listed.ends[i]);
        }
        return;
    }
    listing.nodes.push(node);
    listing.ends.push(0);
    if (positioned) {
        (node as Positioned)[POSITION] = at;
    }
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) {
                    collect(item, listing, positioned);
                }
            }
        } else if (isNode(value)) {
            collect(value, listing, positioned);
        }
    }
    listing.ends[at] = listing.nodes.length;
}

/** References carry no `$type`, so they are not mistaken for contained nodes. */
function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

/**
 * Every cross-reference in `root`'s tree, listed once per parse for the linker and the reference index. The
 * references are the tree's own objects; linking fills them in place, so relinking keeps the listing true.
 * A whole tree's listing joins those of its top-level nodes, each listed once per parse of its own text: a
 * declaration a splice kept (declaration-splice.ts) keeps its listing, in the same document order.
 */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    return root.$container ? subtreeReferences(root) : wholeTreeReferences(root);
}

const wholeTreeReferences = treeMemo((root: AstNode) => {
    const out: ReferenceInfo[] = [];
    ownReferences(root, out);
    for (const key in root) {
        if (key.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (root as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(value) ? value : [value]) {
            if (isNode(item)) {
                for (const info of subtreeReferences(item)) {
                    out.push(info);
                }
            }
        }
    }
    return out;
});

const subtreeReferences = treeMemo((root: AstNode) => {
    const out: ReferenceInfo[] = [];
    for (const node of nodesOf(root)) {
        ownReferences(node, out);
    }
    return out;
});

function ownReferences(node: AstNode, out: ReferenceInfo[]): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            out.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item) || isMultiReference(item)) {
                    out.push({ reference: item, container: node, property, index });
                }
            });
        }
    }
}
