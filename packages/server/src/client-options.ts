import type { LangiumSharedServices } from 'langium/lsp';
import type { AlliumInitializationOptions } from '@allium/generate';

/**
 * What the editor said about itself when it started the server (`initializationOptions`). "Generate
 * implementation" lenses and actions run a command of the VS Code extension; other editors, which cannot run
 * it, turn them off with `{ "generationCommands": false }`.
 */
export class ClientOptions {
    generationCommands = true;

    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as AlliumInitializationOptions | undefined;
            this.generationCommands = options?.generationCommands !== false;
        });
    }
}
