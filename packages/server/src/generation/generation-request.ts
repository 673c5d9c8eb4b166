import { URI, type LangiumSharedCoreServices } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { buildPrompt, TARGET_LANGUAGES, type TargetLanguage } from '@allium/generate';
import type { Module } from '@allium/language';

export const GENERATION_PROMPT_REQUEST = 'allium/generationPrompt';

export interface GenerationPromptParams {
    uri: string;
    /** Declaration ids (`rule:ShipOrder`); the whole file when empty. */
    selection?: string[];
    targetLanguage?: string;
    extraInstructions?: string;
}

export interface GenerationPromptResult {
    system: string;
    user: string;
    clauses: Array<{ id: string; owner: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

/** Lets the client ask for the prompt and clause map of a spec: the language smarts stay in the server. */
export function registerGenerationRequests(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(GENERATION_PROMPT_REQUEST, async (params: GenerationPromptParams): Promise<GenerationPromptResult> => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        const document = documents.hasDocument(uri) ? documents.getDocument(uri)! : await documents.getOrCreateDocument(uri);
        const targetLanguage = (TARGET_LANGUAGES as readonly string[]).includes(params.targetLanguage ?? '') ? params.targetLanguage as TargetLanguage : 'TypeScript';
        const prompt = buildPrompt(document.parseResult.value as Module, { targetLanguage, selection: params.selection, extraInstructions: params.extraInstructions });
        return { system: prompt.system, user: prompt.user, clauses: prompt.clauses.map(c => ({ id: c.id, owner: c.owner, range: c.range })) };
    });
}
