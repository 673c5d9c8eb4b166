import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { AlliumLspServices } from '../allium-server-module.js';

/** `textDocument/linkedEditingRange`, once a document's references are linked. */
export function addLinkedEditingRangeHandler(connection: Connection, shared: LangiumSharedServices): void {
    connection.languages.onLinkedEditingRange(createRequestHandler((services, document, params) =>
        (services as AlliumLspServices).lsp.LinkedEditingRangeProvider.getLinkedEditingRanges(document, params), shared, DocumentState.Linked));
}
