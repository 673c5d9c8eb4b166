/**
 * The generation requests between the VS Code client and the language server, typed once for both (listed in
 * docs/lsp-extensions.md). The server owns the spec: it builds the prompt; the client streams it.
 */
import type { GenerationPrompt } from './generation-prompt.js';

/** `allium/generationPrompt`: the prompt and clause map for a selection of a spec set. */
export const GENERATION_PROMPT_REQUEST = 'allium/generationPrompt';

export interface GenerationPromptParams {
    /** The spec files of the set (a file, several, or those of a folder). */
    uris: string[];
    /** Declaration ids (`rule:ShipOrder`, `orders::rule:ShipOrder`); every declaration of the set when empty. */
    selection?: string[];
    targetLanguage?: string;
    extraInstructions?: string;
}

export type GenerationPromptResult = GenerationPrompt;

/** The command code actions and lenses run: arguments are the spec's URI and the selected declaration ids. */
export const GENERATE_COMMAND = 'allium.generate';
export type GenerateCommandArguments = [uri: string, selection: string[]];
