import type { LanguageClient } from 'vscode-languageclient/node';
import { GENERATION_PROMPT_REQUEST, sendAlliumRequest, type GenerationPromptParams, type GenerationPromptResult } from '@allium/generate/streaming';

export function requestPrompt(client: LanguageClient, params: GenerationPromptParams): Promise<GenerationPromptResult> {
    return sendAlliumRequest(client, GENERATION_PROMPT_REQUEST, params);
}
