import { AstUtils, Cancellation, DefaultLinker, DocumentState, interruptAndCheck, type AstNodeDescription, type AstReflection, type DefaultMultiReference, type DefaultReference, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import { referencesOf } from '../ast-nodes.js';
import { overBudget } from '../document-budget.js';

/**
 * A name that resolves to nothing. Allium accepts many such names (built-in types, names the checks read by their
 * text) and reports none of these errors, so the message is written only when something reads it.
 */
class UnresolvedName implements LinkingError {
    constructor(readonly info: ReferenceInfo, readonly targetDescription: AstNodeDescription | undefined, private readonly reflection: AstReflection) {}

    get message(): string {
        return `Could not resolve reference to ${this.reflection.getReferenceType(this.info)} named '${this.info.reference.$refText}'.`;
    }
}

/** Langium's linker, walking the listed references instead of awaiting once per AST node; a file over the budget is not linked. */
export class AlliumLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (overBudget(document)) {
            return;
        }
        let visited = 0;
        for (const reference of referencesOf(document.parseResult.value)) {
            if (++visited % 1000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.doLink(reference, document);
        }
    }

    /**
     * Langium's unlink, with the description cleared instead of deleted: deleting a property turns every reference
     * into a slow dictionary object, which every later read of it pays for.
     */
    override unlink(document: LangiumDocument): void {
        for (const reference of document.references as (DefaultReference | DefaultMultiReference)[]) {
            if ('_ref' in reference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else if ('_items' in reference) {
                reference._items = undefined;
                reference._linkingError = undefined;
            }
        }
        document.references = [];
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        // Langium's hint at a bug, kept: resolving before the document's scopes are computed.
        const document = AstUtils.findRootNode(refInfo.container).$document;
        if (document && document.state < DocumentState.ComputedScopes) {
            console.warn(`Attempted reference resolution before document reached ComputedScopes state (${document.uri}).`);
        }
        return new UnresolvedName(refInfo, targetDescription, this.reflection);
    }
}
