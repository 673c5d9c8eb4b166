/**
 * Everything the VS Code client and the language server say to each other beyond LSP, typed once for both and listed
 * in docs/lsp-extensions.md: custom requests, the initialization options, the commands with their arguments and the
 * settings with their defaults (a test holds the last two against package.json's contributions). The server owns the
 * spec: it builds prompts and reads generated code; the client streams prompts and applies answers.
 *
 * Adding a request: its method constant, params and result types, and a line in `AlliumRequests`; a command or a
 * setting: a line in `Commands` or `Settings`, and its contribution in package.json.
 */
import { DEFAULT_MODEL } from './anthropic-stream.js';
import type { GenerationPrompt, SpecRange } from './generation-prompt.js';

// Requests


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


/** `allium/markerLinks`: for a code file, the clause each of its markers names, where that clause is now. */
export const MARKER_LINKS_REQUEST = 'allium/markerLinks';

export interface MarkerLinksParams {
    uri: string;
    /** The file's text as the editor has it, when it differs from the saved file. */
    text?: string;
}

export interface MarkerLink {
    /** Zero-based line of the begin marker. */
    line: number;
    id: string;
    target: { uri: string; range: SpecRange };
}

/** `allium/resolveClause`: where a clause id is in the specs now (for a test id, its declaration); null when gone. */
export const RESOLVE_CLAUSE_REQUEST = 'allium/resolveClause';

export interface ResolveClauseParams {
    id: string;
}

export interface ResolvedClause {
    id: string;
    uri: string;
    range: SpecRange;
}

/** `allium/regenerationPrompt`: the prompt that regenerates one changed clause, its current code given as context. */
export const REGENERATION_PROMPT_REQUEST = 'allium/regenerationPrompt';

export interface RegenerationPromptParams {
    /** The clause id as the drift finding names it. */
    id: string;
    targetLanguage?: string;
    extraInstructions?: string;
}

export interface RegenerationPromptResult {
    prompt: GenerationPrompt;
    /** The code region to replace: the file it is in and the lines of its begin and end markers (zero-based). */
    region: { uri: string; beginLine: number; endLine: number; path: string };
}

/** Each request's params and result, by method. */
export interface AlliumRequests {
    [GENERATION_PROMPT_REQUEST]: { params: GenerationPromptParams; result: GenerationPromptResult };
    [MARKER_LINKS_REQUEST]: { params: MarkerLinksParams; result: MarkerLink[] };
    [RESOLVE_CLAUSE_REQUEST]: { params: ResolveClauseParams; result: ResolvedClause | null };
    [REGENERATION_PROMPT_REQUEST]: { params: RegenerationPromptParams; result: RegenerationPromptResult };
}

export type AlliumRequestMethod = keyof AlliumRequests;

/** What sends requests (vscode-languageclient's `LanguageClient`, a test's JSON-RPC client). */
export interface RequestSender {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/** What answers them (vscode-languageserver's `Connection`). */
export interface RequestReceiver {
    onRequest(method: string, handler: (params: never) => unknown): unknown;
}

export function sendAlliumRequest<M extends AlliumRequestMethod>(client: RequestSender, method: M, params: AlliumRequests[M]['params']): Promise<AlliumRequests[M]['result']> {
    return client.sendRequest<AlliumRequests[M]['result']>(method, params);
}

export function onAlliumRequest<M extends AlliumRequestMethod>(connection: RequestReceiver, method: M, handler: (params: AlliumRequests[M]['params']) => AlliumRequests[M]['result'] | Promise<AlliumRequests[M]['result']>): void {
    connection.onRequest(method, handler as (params: never) => unknown);
}

// Initialization options (for editors without settings; VS Code's extension sends its settings instead)

export interface AlliumInitializationOptions {
    /** Offer "Generate implementation" actions and lenses, which run the client command `allium.generate`. */
    generationCommands?: boolean;
    diagnosticsMode?: DiagnosticsMode;
    /** Show inferred types as inlay hints (VS Code sends `allium.inlayHints.enabled` instead). */
    inlayHints?: boolean;
}

export const DIAGNOSTICS_MODES = ['strict', 'relaxed', 'reference'] as const;
export type DiagnosticsMode = (typeof DIAGNOSTICS_MODES)[number];

// Commands

/** Every command the extension contributes, by name. */
export const Commands = {
    restartServer: 'allium.restartServer',
    showLogs: 'allium.showLogs',
    /** Arguments `[uri?, kind?]`: a spec file or folder, `states` or `flow`. */
    showDiagram: 'allium.showDiagram',
    /** Run by the server's code actions and lenses; arguments `GenerateCommandArguments`. */
    generate: 'allium.generate',
    generateFile: 'allium.generateFile',
    generateFolder: 'allium.generateFolder',
    previewPrompt: 'allium.previewPrompt',
    setApiKey: 'allium.setApiKey',
    /** Run by the "Regenerate this clause" fix; arguments `[clauseId]`. */
    regenerateClause: 'allium.regenerateClause',
    /** Run by the "implemented in" lens to list locations (VS Code's peek view); arguments `[uri, position, locations]`. */
    showLocations: 'allium.showLocations'
} as const;

/** The arguments of the commands the server puts in actions and lenses. */
export type GenerateCommandArguments = [uri: string, selection: string[]];
export type RegenerateClauseArguments = [clauseId: string];

// Settings

/** Every setting the extension contributes, with its default (`allium.` and the section are part of the name). */
export const Settings = {
    'allium.trace.server': 'off',
    'allium.diagnostics.mode': 'strict' as DiagnosticsMode,
    'allium.inlayHints.enabled': false,
    'allium.generate.targetLanguage': 'TypeScript',
    'allium.generate.model': DEFAULT_MODEL,
    'allium.generate.maxTokens': 0,
    'allium.generate.baseUrl': '',
    'allium.generate.extraInstructions': '',
    'allium.generate.maxRounds': 4,
    'allium.generate.idleTimeoutSeconds': 60,
    'allium.generate.outputFolder': 'generated',
    'allium.trace.include': ['**/*.{ts,tsx,js,jsx,mjs,cjs,kt,kts,java,py,go,rs,cs,swift,scala,rb,php,c,h,cc,cpp,hpp}'] as readonly string[],
    'allium.trace.exclude': ['**/node_modules/**', '**/.git/**'] as readonly string[]
} as const;

export type SettingName = keyof typeof Settings;

/** The settings sections the client reads, and the secret the API key is kept under in VS Code's SecretStorage. */
export const SETTINGS_SECTION = 'allium';
export const GENERATE_SECTION = 'allium.generate';
export const API_KEY_SECRET = 'allium.anthropicApiKey';
