import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * A type named by a contract signature's return (`capture: (payment: Payment) -> Payment`): the parser reads the
 * return as a projection, whose name is text rather than a cross-reference, so the type is looked up by name.
 * Parameter types (`payment: Payment`) are cross-references already.
 */
export interface ReturnTypeName {
    projection: ast.Projection;
    /** As written: `Payment` or `alias/Payment`. */
    name: string;
    /** Where the name is written. */
    cst: CstNode;
}

/** The return type names of the contract signatures in `root`, generic arguments aside (those are cross-references). */
export function returnTypeNames(root: AstNode): ReturnTypeName[] {
    return AstUtils.streamAst(root).filter(isSignatureReturn).flatMap(projection => {
        const cst = projection.$cstNode && GrammarUtils.findNodeForProperty(projection.$cstNode, 'field');
        return cst ? [{ projection, name: projection.field, cst }] : [];
    }).toArray();
}

/** `(params) -> Type` inside a contract. */
export function isSignatureReturn(node: AstNode): node is ast.Projection {
    return ast.isProjection(node) && ast.isParamList(node.source) && AstUtils.getContainerOfType(node, ast.isContractDecl) !== undefined;
}
