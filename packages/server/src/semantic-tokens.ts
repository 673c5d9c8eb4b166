import { OperationCancelled, type AstNode, type Cancellation, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { isField, nodesOf } from '@allium/language';

const DECLARED = SemanticTokenModifiers.declaration;

/**
 * Colours names by what they stand for, which the TextMate grammar cannot know: types apart from fields, enum
 * values, rules, triggers, bindings and config parameters. Keywords, literals and comments stay with TextMate.
 */
export class AlliumSemanticTokenProvider extends AbstractSemanticTokenProvider {
    /**
     * In one go, without yielding: Langium's loop awaits between nodes while the document and token builder being
     * filled live on the provider, so two documents highlighted at once got each other's tokens.
     */
    protected override async computeHighlighting(document: LangiumDocument, accept: SemanticTokenAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const node of nodesOf(document.parseResult.value)) {
            if (cancelToken.isCancellationRequested) {
                throw OperationCancelled;
            }
            this.highlightElement(node, accept);
        }
    }

    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void {
        if (ast.isEntityDecl(node) || ast.isVariantDecl(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.class, modifier: DECLARED });
            if (ast.isVariantDecl(node)) {
                accept({ node, property: 'base', type: SemanticTokenTypes.class });
            }
        } else if (ast.isValueDecl(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.struct, modifier: DECLARED });
        } else if (ast.isEnumDecl(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.enum, modifier: DECLARED });
        } else if (ast.isEnumLiteral(node) || ast.isStateName(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: ast.isEnumLiteral(node) ? DECLARED : [] });
        } else if (ast.isActorDecl(node) || ast.isSurfaceDecl(node) || ast.isContractDecl(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.interface, modifier: DECLARED });
        } else if (ast.isRuleDecl(node) || ast.isInvariantDecl(node) || ast.isEntityInvariant(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.function, modifier: DECLARED });
        } else if (isField(node)) {
            const modifier = ast.isConfigDecl(node.$container) ? [DECLARED, SemanticTokenModifiers.readonly] : DECLARED;
            accept({ node, property: 'name', type: ast.isParamAssignment(node) ? SemanticTokenTypes.method : SemanticTokenTypes.property, modifier });
        } else if (ast.isTriggerBinding(node) || ast.isParameter(node) || ast.isTypedParam(node) || ast.isBindingClause(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.parameter, modifier: DECLARED });
        } else if (ast.isLetItem(node) || ast.isLetExpr(node) || ast.isLoopVar(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: DECLARED });
        } else if (ast.isDefaultDecl(node)) {
            accept({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: [DECLARED, SemanticTokenModifiers.readonly] });
        } else if (ast.isUseDecl(node) && node.name) {
            accept({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: DECLARED });
        } else if (ast.isAnnotation(node) && node.name) {
            accept({ node, property: 'name', type: SemanticTokenTypes.decorator });
        } else if (ast.isNameRef(node)) {
            accept({ node, property: 'ref', type: nameType(node) });
        } else if (ast.isMemberAccess(node)) {
            const config = ast.isNameRef(node.receiver) && node.receiver.ref.$refText === 'config';
            accept({ node, property: 'member', type: node.member.$refText === 'created' ? SemanticTokenTypes.event : SemanticTokenTypes.property, modifier: config ? SemanticTokenModifiers.readonly : [] });
        } else if (ast.isCallArg(node) && node.name) {
            accept({ node, property: 'name', type: SemanticTokenTypes.parameter });
        } else if (ast.isContractEntry(node)) {
            accept({ node, property: 'contract', type: SemanticTokenTypes.interface });
        }
    }
}

/** A name in an expression, by its target when linked, else by its form: `Order` a type, `ShipOrder(...)` a trigger. */
function nameType(node: ast.NameRef): string {
    const name = node.ref.$refText;
    const call = node.$container;
    if (ast.isCall(call) && call.callee === node && /^[A-Z]/.test(name.slice(name.indexOf('/') + 1))) {
        return SemanticTokenTypes.event;
    }
    const target = node.ref.ref;
    if (ast.isEntityDecl(target) || ast.isVariantDecl(target)) {
        return SemanticTokenTypes.class;
    }
    if (ast.isValueDecl(target)) {
        return SemanticTokenTypes.struct;
    }
    if (ast.isEnumDecl(target)) {
        return SemanticTokenTypes.enum;
    }
    if (ast.isActorDecl(target) || ast.isSurfaceDecl(target) || ast.isContractDecl(target)) {
        return SemanticTokenTypes.interface;
    }
    if (ast.isEnumLiteral(target) || ast.isStateName(target)) {
        return SemanticTokenTypes.enumMember;
    }
    if (target && isField(target)) {
        return SemanticTokenTypes.property;
    }
    if (name === 'config' || ast.isUseDecl(target)) {
        return SemanticTokenTypes.namespace;
    }
    if (/^[A-Z]/.test(name.slice(name.indexOf('/') + 1))) {
        return SemanticTokenTypes.type;
    }
    // Linking takes an inline literal (`order.status = pending`) to its `pending` in the field's `pending | shipped`.
    if ((!target || ast.isNameRef(target)) && isEnumValuePosition(node)) {
        return SemanticTokenTypes.enumMember;
    }
    return ast.isTriggerBinding(target) || ast.isBindingClause(target) || ast.isParameter(target) || ast.isTypedParam(target) || (ast.isNameRef(target) && ast.isCallArg(target.$container))
        ? SemanticTokenTypes.parameter : SemanticTokenTypes.variable;
}

/** `pending | paid` in a field's type, or `pending` compared with a field (`order.status = pending`, `becomes paid`). */
function isEnumValuePosition(node: ast.NameRef): boolean {
    let parent: AstNode | undefined = node.$container;
    while (ast.isSetLiteral(parent)) {
        parent = parent.$container;
    }
    if (!ast.isBinaryExpr(parent)) {
        return false;
    }
    return parent.operator === '|' || (['=', '!=', 'in', 'not in', 'becomes', 'transitions_to'].includes(parent.operator) && ast.isMemberAccess(parent.left));
}
