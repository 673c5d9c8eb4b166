import type { LanguageClient } from 'vscode-languageclient/node';

export const GENERATION_PROMPT_REQUEST = 'allium/generationPrompt';

export interface GenerationPromptResult {
    system: string;
    user: string;
    clauses: Array<{ id: string; owner: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}

export function requestPrompt(client: LanguageClient, uri: string, selection: string[], targetLanguage: string, extraInstructions: string): Promise<GenerationPromptResult> {
    return client.sendRequest(GENERATION_PROMPT_REQUEST, { uri, selection, targetLanguage, extraInstructions });
}
