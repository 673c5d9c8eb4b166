import type { LangiumSharedServices } from 'langium/lsp';
import type { AlliumInitializationOptions } from '@allium/generate';

/**
 * What the editor said about itself when it started the server (`initializationOptions`). "Generate
 * implementation" lenses and actions run a command of the VS Code extension; other editors, which cannot run
 * it, turn them off with `{ "generationCommands": false }`. And what its capabilities allow that features adapt to.
 */
export class ClientOptions {
    generationCommands = true;
    /** The editor can show annotated edits and ask before applying them (VS Code's refactor preview). */
    changeAnnotations = false;

    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as AlliumInitializationOptions | undefined;
            this.generationCommands = options?.generationCommands !== false;
            const edits = params.capabilities.workspace?.workspaceEdit;
            this.changeAnnotations = edits?.documentChanges === true && edits.changeAnnotationSupport !== undefined;
        });
    }
}
