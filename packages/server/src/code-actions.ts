import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { AlliumLspServices } from './allium-server-module.js';
import { CodeActionTriggerKind } from 'vscode-languageserver-types';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { SpecTypes } from '@allium/language';
import type { ClientOptions } from './client-options.js';
import { generationActions } from './generation/generation-actions.js';
import { regenerateActions } from './trace/regenerate-action.js';
import { FIX_ALL_KIND, fixAll, quickFixes } from './quick-fixes/quick-fixes.js';
import { extractEnumRefactor } from './refactors/extract-enum.js';
import { extractLiteralRefactor } from './refactors/extract-literal.js';

/**
 * Quick fixes for the diagnostics at hand first, then refactorings of what the cursor is on, "Generate
 * implementation" for what the cursor or selection covers, and "fix all" for the whole file. An editor asking for
 * some kinds only (`only: ['source.fixAll']` on save) gets just those.
 */
export class AlliumCodeActionProvider implements CodeActionProvider {
    private readonly types: SpecTypes;
    private readonly options: ClientOptions;

    constructor(services: AlliumLspServices) {
        this.types = services.typing.SpecTypes;
        this.options = services.editor.ClientOptions;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const only = params.context.only;
        const wants = (kind: string) => !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
        const actions: Array<Command | CodeAction> = [];
        if (wants('quickfix')) {
            actions.push(...quickFixes(document, params, this.types));
        }
        const offset = document.textDocument.offsetAt(params.range.start);
        if (wants('refactor.extract')) {
            actions.push(...[extractEnumRefactor(document, offset), extractLiteralRefactor(document, offset)].filter(a => a !== undefined));
        }
        if (this.options.generationCommands && wants('quickfix')) {
            actions.push(...regenerateActions(params));
        }
        if (this.options.generationCommands && wants('refactor')) {
            actions.push(...generationActions(document, params));
        }
        // The light bulb asks on every cursor move (trigger kind Automatic) and shows no source actions; fixing the
        // whole file is worked out only when someone asks for it.
        const automatic = !only && params.context.triggerKind === CodeActionTriggerKind.Automatic;
        const all = wants(FIX_ALL_KIND) && !automatic ? fixAll(document, this.types) : undefined;
        return all ? [...actions, all] : actions;
    }
}
