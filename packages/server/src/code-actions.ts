import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { AlliumLspServices } from './allium-server-module.js';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { SpecTypes } from '@allium/language';
import type { ClientOptions } from './client-options.js';
import { generationActions } from './generation/generation-actions.js';
import { quickFixes } from './quick-fixes/quick-fixes.js';

/** Quick fixes for the diagnostics at hand first, then "Generate implementation" for what the cursor or selection covers. */
export class AlliumCodeActionProvider implements CodeActionProvider {
    private readonly types: SpecTypes;
    private readonly options: ClientOptions;

    constructor(services: AlliumLspServices) {
        this.types = services.typing.SpecTypes;
        this.options = services.editor.ClientOptions;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const fixes = quickFixes(document, params, this.types);
        return this.options.generationCommands ? [...fixes, ...generationActions(document, params)] : fixes;
    }
}
