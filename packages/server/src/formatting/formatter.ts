import type { LangiumCoreServices, LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { formattingEdits } from '@allium/language';

/** Whole-document and range formatting with the language's layout clean-up; nothing is formatted as one types. */
export class AlliumFormatter implements Formatter {
    readonly formatOnTypeOptions: DocumentOnTypeFormattingOptions | undefined = undefined;

    constructor(private readonly services: LangiumCoreServices) {}

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return formattingEdits(this.services, document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return formattingEdits(this.services, document, params.range.start.line, params.range.end.line);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }
}
