import { AnnouncedDocumentsBuilder, IssueCodes, withCodeDescription } from '@allium/language';
import { URI, type LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Quiet time after a change before the rebuild starts: the gap between a burst's messages is far shorter. */
const SETTLE_MS = 15;
/** Longest a rebuild waits for changes to settle, so that a client editing without pause still gets diagnostics. */
const MAX_WAIT_MS = 300;

/**
 * Langium's update handler, with the one guard its update path lacks: a rebuild that throws rejects inside
 * `workspaceLock.write` with nothing catching it, and an unhandled rejection ends the process. Here a failed
 * rebuild is logged and shown on the documents it was for, and the server goes on. Changes to files of other
 * languages (an editor opening `README.md`) are dropped before they reach the builder, which would throw for them.
 * A document that was never saved leaves the index when it is closed; a saved one goes back to its file's text.
 *
 * Changes are also coalesced: Langium starts a rebuild for every change, and a rebuild parses before it first looks
 * whether a newer change has cancelled it, so a burst of edits was parsed once per edit. Here a change that comes
 * while a rebuild is under way makes the next rebuild wait until changes have settled (or for at most
 * {@link MAX_WAIT_MS}), and that rebuild takes every change pending. Each changed document is announced to the
 * builder, so that a request sent after the change waits for the rebuild that takes it rather than answer from the
 * previous text, or fail for a document not yet in the index. A change to a document not yet in the index is built
 * at once.
 */
export class GuardedDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly shared: LangiumSharedServices;
    private readonly pendingChanged = new Map<string, URI>();
    private readonly pendingDeleted = new Map<string, URI>();
    private firstPending = 0;
    private lastPending = 0;
    /** Rebuilds asked for and not finished. */
    private building = 0;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const ours = changed.filter(uri => this.serviceRegistry.hasServices(uri));
        if (ours.length === 0 && deleted.length === 0) {
            return;
        }
        this.lastPending = Date.now();
        this.firstPending = this.pendingChanged.size + this.pendingDeleted.size === 0 ? this.lastPending : this.firstPending;
        const documents = this.shared.workspace.LangiumDocuments;
        const settle = this.building > 0 && ours.every(uri => documents.hasDocument(uri));
        for (const uri of ours) {
            this.pendingDeleted.delete(uri.toString());
            this.pendingChanged.set(uri.toString(), uri);
            if (this.documentBuilder instanceof AnnouncedDocumentsBuilder) {
                this.documentBuilder.announce(uri);
            }
        }
        for (const uri of deleted) {
            this.pendingChanged.delete(uri.toString());
            this.pendingDeleted.set(uri.toString(), uri);
        }
        let taken: URI[] = [];
        this.building++;
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(async token => {
                if (settle) {
                    await this.settled();
                }
                // A later change cancelled this rebuild; that change's rebuild takes what is pending.
                if (token.isCancellationRequested) {
                    return;
                }
                const changedNow = [...this.pendingChanged.values()];
                const deletedNow = [...this.pendingDeleted.values()];
                this.pendingChanged.clear();
                this.pendingDeleted.clear();
                taken = changedNow;
                await this.documentBuilder.update(changedNow, deletedNow, token);
            }))
            .catch(error => reportFailedBuild(this.shared, taken, error))
            .finally(() => this.building--);
    }

    private async settled(): Promise<void> {
        for (;;) {
            const now = Date.now();
            const wait = Math.min(this.lastPending + SETTLE_MS, this.firstPending + MAX_WAIT_MS) - now;
            if (wait <= 0) {
                return;
            }
            await new Promise(resolve => setTimeout(resolve, wait));
        }
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // The editor's copy is already gone, so whether it was ours is told by the index, not by its language id.
        if (!this.shared.workspace.LangiumDocuments.hasDocument(uri)) {
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
            diagnostics: [withCodeDescription({
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Error,
                source: 'allium',
                code: IssueCodes.Internal,
                message: `The Allium checker failed on this document (${message}); its findings are not shown. The server log has the details.`
            })]
        });
    }
}
