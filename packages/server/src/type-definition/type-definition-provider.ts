import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type NameProvider } from 'langium';
import { AbstractTypeDefinitionProvider } from 'langium/lsp';
import { LocationLink } from 'vscode-languageserver-types';
import type { TypeDefinitionParams } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';

/**
 * Go to Type Definition: from a binding (`order`), a field, a member reached through a binding, or a trigger
 * parameter to the entity, value, variant, actor or enum it has, as the spec's typing reads it.
 */
export class AlliumTypeDefinitionProvider extends AbstractTypeDefinitionProvider {
    private readonly types: ast.SpecTypes;
    private readonly names: NameProvider;

    constructor(services: AlliumLspServices) {
        super(services);
        this.types = services.typing.SpecTypes;
        this.names = services.references.NameProvider;
    }

    // Not through the declarations a reference resolves to: a trigger parameter declares itself where it is written,
    // and a member the linker cannot resolve still has a type when its receiver's type has the field.
    override async getTypeDefinition(document: LangiumDocument, params: TypeDefinitionParams): Promise<LocationLink[] | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf) {
            return undefined;
        }
        const field = this.types.fieldNamedAt(leaf);
        const type = field ? this.types.typeOfValue(field.value, field)?.type : this.typeAt(leaf.astNode);
        const links = type && this.collectGoToTypeLocationLinks(type);
        return links && links.length > 0 ? links : undefined;
    }

    collectGoToTypeLocationLinks(type: AstNode): LocationLink[] | undefined {
        const name = type.$cstNode && this.names.getNameNode(type);
        return type.$cstNode && name
            ? [LocationLink.create(AstUtils.getDocument(type).uri.toString(), type.$cstNode.range, name.range)]
            : undefined;
    }

    /** The type of what is written at a node: a binding, a name or member in an expression, a field's declared type. */
    private typeAt(node: AstNode): ast.TypeDecl | undefined {
        if (ast.isNameRef(node) || ast.isMemberAccess(node) || ast.isThisLiteral(node)) {
            const denoted = ast.isNameRef(node) && ast.isCallArg(node.$container) && ast.isTrigger(node.$container.$container.$container)
                ? this.types.denoteName(node.ref.$refText, node, node)
                : this.types.denote(node);
            return denoted && denoted.kind !== 'config' ? denoted.type : undefined;
        }
        if (ast.isTriggerBinding(node) || ast.isBindingClause(node) || ast.isLetItem(node) || ast.isLetExpr(node) || ast.isLoopVar(node) || ast.isTypedParam(node)) {
            const denoted = this.types.denoteName(node.name, node, node);
            return denoted && denoted.kind !== 'config' ? denoted.type : undefined;
        }
        if (ast.isField(node)) {
            return this.types.typeOfValue(node.value, node)?.type;
        }
        return ast.isTypeDecl(node) ? node : undefined;
    }
}
