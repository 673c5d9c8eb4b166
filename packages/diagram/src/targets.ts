import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { DiagramTarget } from './diagram-model.js';

/** Where a node is written, narrowed to its name when it has one (a click on `rule ShipOrder` lands on `ShipOrder`). */
export function targetOf(node: AstNode | undefined, property?: string): DiagramTarget | undefined {
    const cst = node?.$cstNode;
    if (!node || !cst) {
        return undefined;
    }
    const named = property ? GrammarUtils.findNodeForProperty(cst, property) : undefined;
    return { uri: AstUtils.getDocument(node).uri.toString(), range: (named ?? cst).range };
}
