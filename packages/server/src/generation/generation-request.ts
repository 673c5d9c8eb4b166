import { URI, type LangiumSharedCoreServices } from 'langium';
import { ResponseError, type Connection } from 'vscode-languageserver';
import {
    buildPrompt, GENERATION_PROMPT_REQUEST, loadSpecSet, onAlliumRequest, SelectionError, targetLanguageNamed,
    type GenerationPromptParams, type GenerationPromptResult
} from '@allium/generate';
import type { AlliumServices } from '@allium/language';

/** Lets the client ask for the prompt and clause map of a spec set: the language smarts stay in the server. */
export function registerGenerationRequests(connection: Connection, shared: LangiumSharedCoreServices): void {
    onAlliumRequest(connection, GENERATION_PROMPT_REQUEST, async (params: GenerationPromptParams): Promise<GenerationPromptResult> => {
        const uris = (params.uris ?? []).map(u => URI.parse(u));
        if (uris.length === 0) {
            throw new ResponseError(-32602, 'No spec file to generate from.');
        }
        const services = shared.ServiceRegistry.getServices(uris[0]) as AlliumServices;
        const set = await loadSpecSet(services, uris);
        try {
            return buildPrompt(set, {
                targetLanguage: targetLanguageNamed(params.targetLanguage) ?? 'TypeScript', selection: params.selection, extraInstructions: params.extraInstructions
            });
        } catch (error) {
            throw error instanceof SelectionError ? new ResponseError(-32602, error.message) : error;
        }
    });
}
