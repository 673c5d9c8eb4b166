import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver-types';
import type { CancellationToken, InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { InlayHintSettings } from './inlay-hint-settings.js';

/**
 * The type the spec's typing infers where the text does not say it: after a trigger parameter
 * (`when: ShipOrder(order: Order, ...)`), a `let` and a `for` variable. The type name links to its declaration.
 */
export class AlliumInlayHintProvider extends AbstractInlayHintProvider {
    private readonly types: ast.SpecTypes;

    constructor(services: AlliumLspServices, private readonly settings: () => InlayHintSettings) {
        super();
        this.types = services.typing.SpecTypes;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        return this.settings().enabled ? super.getInlayHints(document, params, cancelToken) : [];
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        const named = inferredBinding(node);
        if (!named) {
            return;
        }
        const denoted = this.types.denoteName(named.name, node, node);
        if (denoted?.kind !== 'instance' || !denoted.type.$cstNode) {
            return;
        }
        const declaration = AstUtils.getDocument(denoted.type);
        acceptor({
            position: named.end,
            label: [{ value: ': ' }, { value: denoted.type.name, location: { uri: declaration.uri.toString(), range: denoted.type.$cstNode.range } }],
            kind: InlayHintKind.Type
        });
    }
}

/** A name whose type nothing written next to it gives, and where its name ends. */
function inferredBinding(node: AstNode): { name: string; end: Position } | undefined {
    if (ast.isNameRef(node) && ast.isCallArg(node.$container) && !node.$container.name && ast.isCall(node.$container.$container)
        && ast.isTrigger(node.$container.$container.$container) && node.$cstNode) {
        return { name: node.ref.$refText, end: node.$cstNode.range.end };
    }
    if ((ast.isLetItem(node) || ast.isLetExpr(node) || ast.isLoopVar(node)) && node.$cstNode) {
        const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        return name && { name: node.name, end: name.range.end };
    }
    return undefined;
}
