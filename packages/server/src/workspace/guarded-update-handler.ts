import { URI, type LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium's update handler, with the one guard its update path lacks: a rebuild that throws rejects inside
 * `workspaceLock.write` with nothing catching it, and an unhandled rejection ends the process. Here a failed
 * rebuild is logged and shown on the documents it was for, and the server goes on. Changes to files of other
 * languages (an editor opening `README.md`) are dropped before they reach the builder, which would throw for them.
 * A document that was never saved leaves the index when it is closed; a saved one goes back to its file's text.
 */
export class GuardedDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const ours = changed.filter(uri => this.serviceRegistry.hasServices(uri));
        if (ours.length === 0 && deleted.length === 0) {
            return;
        }
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(ours, deleted, token)))
            .catch(error => reportFailedBuild(this.shared, ours, error));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (!this.serviceRegistry.hasServices(uri)) {
            return;
        }
        onDisk(this.shared, uri).then(saved => saved ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri]));
    }
}

async function onDisk(shared: LangiumSharedCoreServices, uri: URI): Promise<boolean> {
    if (uri.scheme !== 'file') {
        return false;
    }
    const stat = await shared.workspace.FileSystemProvider.stat(uri).catch(() => undefined);
    return Boolean(stat?.isFile);
}

function reportFailedBuild(shared: LangiumSharedServices, uris: URI[], error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const connection = shared.lsp.Connection;
    connection?.console.error(`Allium: checking ${uris.map(u => u.toString()).join(', ') || 'the workspace'} failed: ${error instanceof Error ? error.stack ?? message : message}`);
    for (const uri of uris) {
        void connection?.sendDiagnostics({
            uri: uri.toString(),
            diagnostics: [{
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Error,
                source: 'allium',
                code: 'allium.internal',
                message: `The Allium checker failed on this document (${message}); its findings are not shown. The server log has the details.`
            }]
        });
    }
}
