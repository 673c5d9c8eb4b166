import { DocumentState, OperationCancelled, UriUtils, type Cancellation, type URI } from 'langium';
import { FaultTolerantDocumentBuilder } from './fault-tolerant-builder.js';

/**
 * Langium's document builder, letting a request wait for a document whose update is announced but not started.
 * An update waits for the workspace lock (and, in a burst of edits, for the edits to settle), and until it starts,
 * Langium answered requests from the document's last build: an opened document not in the index yet got "No document
 * found" for the editor's first requests (outline, folding, semantic tokens, all sent with the open), which VS Code
 * takes for a cancellation, and an edited one got answers about its previous text (an outline without the
 * declaration just typed, a rename at the old positions). The update handler announces each document it queues; a
 * request on one waits until an update that took the announcement brings the document to the state it needs, or
 * until the document is deleted or the request cancelled.
 */
export class AnnouncedDocumentsBuilder extends FaultTolerantDocumentBuilder {
    private readonly announced = new Set<string>();

    /** An update of `uri` is queued; until it starts, requests on `uri` wait for it rather than fail. */
    announce(uri: URI): void {
        this.announced.add(uri.toString());
    }

    override update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        for (const uri of [...changed, ...deleted]) {
            this.announced.delete(uri.toString());
        }
        return super.update(changed, deleted, cancelToken);
    }

    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        if (!this.announced.has(uri.toString())) {
            return super.awaitDocumentState(state, uri, cancelToken);
        }
        return new Promise((resolve, reject) => {
            const disposables = [
                this.onDocumentPhase(state, document => {
                    // Announced again since: this phase is of a build that had not taken the newest change.
                    if (UriUtils.equals(document.uri, uri) && !this.announced.has(uri.toString())) {
                        dispose();
                        resolve(uri);
                    }
                }),
                // Deleted before it was built (closed unsaved at once): the base class answers as for any unknown document.
                this.onUpdate((_changed, deleted) => {
                    if (deleted.some(d => UriUtils.equals(d, uri))) {
                        dispose();
                        resolve(super.awaitDocumentState(state, uri, cancelToken));
                    }
                }),
                cancelToken.onCancellationRequested(() => {
                    dispose();
                    reject(OperationCancelled);
                })
            ];
            const dispose = () => disposables.forEach(d => d.dispose());
        });
    }
}
