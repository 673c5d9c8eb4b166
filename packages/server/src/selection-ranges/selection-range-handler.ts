import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { AlliumLspServices } from '../allium-server-module.js';

/** `textDocument/selectionRange`, answered from the syntax tree once a document is parsed. */
export function addSelectionRangeHandler(connection: Connection, shared: LangiumSharedServices): void {
    connection.onSelectionRanges(createRequestHandler((services, document, params) =>
        (services as AlliumLspServices).lsp.SelectionRangeProvider.getSelectionRanges(document, params), shared, DocumentState.Parsed));
}
