import { DefaultNameProvider, type AstNode, type CstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { propertyNode } from '../cst-properties.js';

/**
 * Some names are declared by being written, not by a declaration: the parameters of an external trigger
 * (`when: ShipOrder(order)`) and of a lambda (`i => i.done`). Such a name is its own declaration.
 */
export class AlliumNameProvider extends DefaultNameProvider {
    override getName(node: AstNode): string | undefined {
        return ast.isNameRef(node) && isImplicitDeclaration(node) ? node.ref.$refText : super.getName(node);
    }

    /** Langium's look-up, with the grammar's assignments looked up once (see `propertyNode`). */
    override getNameNode(node: AstNode): CstNode | undefined {
        return ast.isNameRef(node) && isImplicitDeclaration(node) ? node.$cstNode : propertyNode(node, 'name');
    }
}

export function isImplicitDeclaration(node: ast.NameRef): boolean {
    const container = node.$container;
    if (ast.isLambda(container)) {
        return node.$containerProperty === 'param';
    }
    return ast.isCallArg(container) && !container.name && ast.isCall(container.$container) && ast.isTrigger(container.$container.$container)
        && !container.$container.$container.binding && /^[a-z_]/.test(node.ref.$refText);
}
