import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Langium's workspace manager, refusing to be waited on before the client has sent `initialize`: every request handler
 * awaits `ready`, which only settles once the workspace is loaded after `initialized`, so a request sent first would
 * never be answered. Refused, it gets the protocol's ServerNotInitialized error instead.
 */
export class InitializedWorkspaceManager extends DefaultWorkspaceManager {
    private initializeReceived = false;

    constructor(services: LangiumSharedServices) {
        super(services);
        services.lsp.LanguageServer.onInitialize(() => {
            this.initializeReceived = true;
        });
    }

    override get ready(): Promise<void> {
        return this.initializeReceived ? super.ready
            : Promise.reject(new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized: send initialize first.'));
    }

    /**
     * The folder's specs, leaving out, with a message that says why, those that cannot be read as one (not UTF-8, gone
     * since the folder was listed): Langium's loading stops at the first such file, and nothing of the folder is indexed.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.error(`Left out of the workspace index: ${(error as Error).message}`);
            }
        }));
    }
}
