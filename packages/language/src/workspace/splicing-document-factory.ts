import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type ParseResult, type URI } from 'langium';
import { spliceDeclarations } from '../declaration-splice.js';

/**
 * Langium's document factory, re-parsing an edited document only in the top-level declarations the edit touched
 * where that gives the same tree as parsing it whole (see {@link spliceDeclarations}): a keystroke in a large spec
 * then costs the parse of one declaration instead of the file's.
 */
export class SplicingDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse being replaced, by document URI, while `update` runs. */
    private readonly previous = new Map<string, ParseResult<AstNode>>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.previous.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous.get(uri.toString());
        const spliced = previous && spliceDeclarations(previous, text, this.serviceRegistry.getServices(uri).parser.LangiumParser);
        return spliced ? Promise.resolve(spliced as unknown as ParseResult<T>) : super.parseAsync(uri, text, cancellationToken);
    }
}
