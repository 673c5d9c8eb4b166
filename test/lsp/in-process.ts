import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { parseDocument } from 'langium/test';
import type {
    CompletionParams, DefinitionParams, DocumentHighlightParams, HoverParams, PrepareRenameParams, ReferenceParams, RenameParams
} from 'vscode-languageserver';
import { expect } from 'vitest';
import { createAlliumLspServices, type AlliumLspServices } from '../../packages/server/src/allium-server-module.js';

/**
 * The language server's services in this process, as `main.ts` creates them but without a connection or a file
 * system: a provider is asked directly, with the params an editor sends, so a test of one feature needs no bundle
 * and no child process. What involves the transport (initialize, file events, pushed diagnostics, progress) is
 * tested over JSON-RPC (lsp-client.ts).
 */
export class InProcessServer {
    readonly services: AlliumLspServices = createAlliumLspServices({ ...EmptyFileSystem }).Allium;

    /** Adds a spec at `uri` and builds it with validation, as an editor's open does (the files it imports must be open). */
    open(uri: string, text: string): Promise<LangiumDocument> {
        return parseDocument(this.services, text, { documentUri: uri, validation: true });
    }

    hover(params: HoverParams) {
        return this.services.lsp.HoverProvider!.getHoverContent(this.document(params.textDocument.uri), params);
    }

    async definition(params: DefinitionParams) {
        return await this.services.lsp.DefinitionProvider!.getDefinition(this.document(params.textDocument.uri), params) ?? [];
    }

    references(params: ReferenceParams) {
        return this.services.lsp.ReferencesProvider!.findReferences(this.document(params.textDocument.uri), params);
    }

    async highlights(params: DocumentHighlightParams) {
        return await this.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(this.document(params.textDocument.uri), params) ?? [];
    }

    completion(params: CompletionParams) {
        return this.services.lsp.CompletionProvider!.getCompletion(this.document(params.textDocument.uri), params);
    }

    rename(params: RenameParams) {
        return this.services.lsp.RenameProvider!.rename(this.document(params.textDocument.uri), params);
    }

    prepareRename(params: PrepareRenameParams) {
        return this.services.lsp.RenameProvider!.prepareRename(this.document(params.textDocument.uri), params);
    }

    private document(uri: string): LangiumDocument {
        return this.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))
            ?? expect.unreachable(`${uri} is not open`);
    }
}
