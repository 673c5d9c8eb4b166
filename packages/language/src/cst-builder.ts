import { CompositeCstNodeImpl, CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';
import type { IToken } from 'chevrotain';
import { assignedFeature } from './cst-properties.js';

/** Composites that are the `$cstNode` of an AST node the parser could not give a composite of its own (see `nestCst`). */
const kept = new WeakSet<CstNode>();

/** Keeps `node` in the tree even when it is a single child that looks like a wrapper: an AST node still points to it. */
export function keepComposite(node: CstNode): void {
    kept.add(node);
}

/**
 * Langium's CST builder, with its two child look-ups made constant-time. Both find a node among its container's
 * children with `indexOf` from the front, though the node is nearly always the last child: hidden whitespace before
 * each item of a long list (`enum E { a | b | ... }` on one line) made building that list quadratic (250,000
 * literals did not finish in a minute). Searching from the back finds the same node, since a node is in its
 * container once. And Langium adds children with `push(...children)` and `splice(index, 0, ...children)`, which pass
 * every child as an argument on the stack: the hidden tokens of 200,000 comment lines before a declaration overflowed it.
 */
export class AlliumCstNodeBuilder extends CstNodeBuilder {
    /**
     * Langium opens a composite for every rule call. For an unassigned call (`ClauseValue: ... | Expression`) the
     * callee's AST node becomes the caller's, and the callee's composite stays behind as the caller's only child, a
     * wrapper around the same AST node; they were a third of the composites of a large spec. When the closed node's
     * one child is such a wrapper, its children move up and it is dropped. A wrapper is a composite no AST node was
     * linked to (`_astNode`: set for the node of each assigned call before its caller closes), whose grammar element
     * assigns no property (an assigned cross-reference's composite is its `$refNode`), and not {@link keepComposite}d. The
     * wrapper closed before, so it holds no wrapper itself, and no open node is moved: the parser's stack, the action
     * handling (which re-parents the node just closed) and `addHiddenNodes` (which walks up open nodes) see none of it.
     */
    override construct(item: Parameters<CstNodeBuilder['construct']>[0]): void {
        const node = this.current as CompositeCstNodeImpl;
        super.construct(item);
        const only = node.content.length === 1 ? node.content[0] : undefined;
        if (only instanceof CompositeCstNodeImpl && only['_astNode'] === undefined && assignedFeature(only) === undefined && !kept.has(only)) {
            node.content = only.content;
            for (const child of node.content) {
                (child as { container?: CompositeCstNode }).container = node;
            }
        }
    }

    override addHiddenNodes(tokens: IToken[]): void {
        const nodes = tokens.map(token => this.createLeafNode(token, true));
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        for (; current.container; current = current.container) {
            const index = current.container.content.lastIndexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
        }
        // At the root: the hidden tokens come before everything else.
        this.insertChildren(current, 0, nodes);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        const target = parent as CompositeCstNodeImpl;
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
        }
        if (target.content.length === 0) {
            target.content = children.slice();
        } else {
            for (const child of children) {
                target.content.push(child);
            }
        }
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) {
            (child as { container?: CompositeCstNode }).container = parent;
        }
        // In place and from the back: the insertion point is nearly always at the end, so this stays linear on long lists.
        const content = (parent as CompositeCstNodeImpl).content;
        const after = content.splice(index);
        for (const child of children) {
            content.push(child);
        }
        for (const node of after) {
            content.push(node);
        }
    }

    override removeNode(node: CstNode): void {
        const parent = node.container;
        const index = parent ? parent.content.lastIndexOf(node) : -1;
        if (parent && index >= 0) {
            (parent.content as CstNode[]).splice(index, 1);
        }
    }
}
