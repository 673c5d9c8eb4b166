import type { AstNode } from 'langium';

/**
 * `read`, worked out once per node: for readings of what a node's own tree says (its declarations, the names it
 * writes as text), never of what linking resolved or of other documents, which live in a service's `DocumentCache`
 * or `WorkspaceCache` instead.
 *
 * Why a `WeakMap` keyed by the node and not a `DocumentCache`: a new text is always a new tree, so an entry can never
 * outlive the text it was read from, and it goes when its tree goes. A `DocumentCache` is only cleared by
 * `DocumentBuilder.update`, which the documents the CLI, the generator and `parseAllium` load and drop never go
 * through: it would keep every tree they ever read. Linking changes no tree's own text, so relinking a document
 * (as `resetToState` does when a file it imports changes) leaves these readings true.
 */
export function treeMemo<N extends AstNode, V extends object>(read: (node: N) => V): (node: N) => V {
    const memo = new WeakMap<N, V>();
    return node => {
        let value = memo.get(node);
        if (value === undefined) {
            memo.set(node, value = read(node));
        }
        return value;
    };
}
