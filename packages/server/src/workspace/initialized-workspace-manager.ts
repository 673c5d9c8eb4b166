import { DefaultWorkspaceManager } from 'langium';
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
}
