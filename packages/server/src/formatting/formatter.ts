import type { LangiumCoreServices, LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { formattingEdits } from '@allium/language';

/** Whole-document and range formatting with the language's layout clean-up; nothing is formatted as one types. */
export class AlliumFormatter implements Formatter {
    readonly formatOnTypeOptions: DocumentOnTypeFormattingOptions | undefined = undefined;

    constructor(private readonly services: LangiumCoreServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return current(document) ? formattingEdits(this.services, document) : [];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return current(document) ? formattingEdits(this.services, document, params.range.start.line, params.range.end.line) : [];
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }
}

/**
 * Whether the syntax tree is of the text the editor has: between an edit and its rebuild (edits are coalesced), edits
 * worked out from the tree would land on the wrong text, so nothing is formatted until the tree is current.
 */
function current(document: LangiumDocument): boolean {
    const root = document.parseResult.value.$cstNode as { fullText?: string } | undefined;
    return root?.fullText === undefined || root.fullText === document.textDocument.getText();
}
