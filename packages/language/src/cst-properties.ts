import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

/** The property of its AST node that each grammar element assigns to, or null; the grammar is fixed, so this is kept. */
const features = new Map<GrammarAST.AbstractElement, string | null>();

/**
 * The AST property a CST node was parsed into (`name` for the name of `entity Order {`), as Langium's
 * `findNodesForProperty` tells it, but looked up once per grammar element instead of once per CST node: the
 * look-up walks the grammar's containers and was most of the cost of highlighting and outlining a large spec.
 */
export function assignedFeature(cst: CstNode): string | undefined {
    const source = cst.grammarSource;
    if (!source) {
        return undefined;
    }
    let feature = features.get(source);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature ?? null;
        features.set(source, feature);
    }
    return feature ?? undefined;
}

/**
 * The first CST node of `node` parsed into `property`, as `GrammarUtils.findNodeForProperty` finds it: among the
 * node's own CST nodes, not entering those of nested AST nodes nor one already assigned to `property`.
 */
export function propertyNode(node: AstNode, property: string): CstNode | undefined {
    return node.$cstNode && firstAssigned(node.$cstNode, property, node);
}

function firstAssigned(cst: CstNode, property: string, owner: AstNode): CstNode | undefined {
    for (const child of isCompositeCstNode(cst) ? cst.content : []) {
        if (assignedFeature(child) === property) {
            return child;
        }
        const found = isCompositeCstNode(child) && child.astNode === owner ? firstAssigned(child, property, owner) : undefined;
        if (found) {
            return found;
        }
    }
    return undefined;
}
