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
import { CHECK_TOOL, DECLARATION_TOOL, PLAN_TOOL, PROMPT_TOOL, TRACE_TOOL, type AgentToolName, type AgentTools } from './agents/agent-protocol.js';

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

/** `allium/diagram`: a diagram of a spec set, drawn by the server (docs/diagrams.md). */
export const DIAGRAM_REQUEST = 'allium/diagram';

/** Each entity's `transitions` as a state machine, or the event flow of the set. */
export type DiagramKind = 'states' | 'flow';
export type DiagramFormat = 'svg' | 'mermaid' | 'd2';

/** Where a node, an edge or one of its labels is declared: what a click opens. */
export interface DiagramTarget {
    uri: string;
    range: SpecRange;
}

export interface DiagramParams {
    /** The spec files drawn; the files they import come along (their rules take transitions, their triggers flow). */
    uris: string[];
    kind: DiagramKind;
    /** `svg` unless given. */
    format?: DiagramFormat;
    /** An SVG with its stylesheet embedded, to save as a file; without it the webview styles it in the editor's theme. */
    standalone?: boolean;
}

export interface DiagramResult {
    kind: DiagramKind;
    format: DiagramFormat;
    /** The SVG, Mermaid or D2 text. */
    text: string;
    /** For SVG: what the element with `data-target="i"` opens. */
    targets: DiagramTarget[];
    /** How many pictures (entities with transitions; 1 for the flow), nodes and edges were drawn. */
    groups: number;
    nodes: number;
    edges: number;
}

/** `allium/specStatus`: what the editor's language status shows for a spec file. */
export const SPEC_STATUS_REQUEST = 'allium/specStatus';

export interface SpecStatusParams {
    textDocument: { uri: string };
}

export interface SpecStatus {
    /** The diagnostics mode the server reports in now. */
    diagnosticsMode: DiagnosticsMode;
    /** The files joined to this one by `use`, either way and transitively: the file first, then the others by path. */
    specSet: string[];
}

/**
 * The agent tools' requests (`allium/tool/<name>`), for the VS Code extension's language model tools; the tools'
 * inputs and results are in agents/agent-protocol.ts, shared with `allium mcp`. A tool error is a response error
 * with its message.
 */
export const AGENT_TOOL_REQUESTS = {
    [CHECK_TOOL]: 'allium/tool/check',
    [PLAN_TOOL]: 'allium/tool/plan',
    [DECLARATION_TOOL]: 'allium/tool/declaration',
    [PROMPT_TOOL]: 'allium/tool/prompt',
    [TRACE_TOOL]: 'allium/tool/trace'
} as const satisfies Record<AgentToolName, string>;

type AgentToolRequests = {
    [K in AgentToolName as (typeof AGENT_TOOL_REQUESTS)[K]]: { params: AgentTools[K]['input']; result: AgentTools[K]['result'] };
};

/** Each request's params and result, by method. */
export interface AlliumRequests extends AgentToolRequests {
    [GENERATION_PROMPT_REQUEST]: { params: GenerationPromptParams; result: GenerationPromptResult };
    [MARKER_LINKS_REQUEST]: { params: MarkerLinksParams; result: MarkerLink[] };
    [RESOLVE_CLAUSE_REQUEST]: { params: ResolveClauseParams; result: ResolvedClause | null };
    [REGENERATION_PROMPT_REQUEST]: { params: RegenerationPromptParams; result: RegenerationPromptResult };
    [DIAGRAM_REQUEST]: { params: DiagramParams; result: DiagramResult };
    [SPEC_STATUS_REQUEST]: { params: SpecStatusParams; result: SpecStatus };
}

export type AlliumRequestMethod = keyof AlliumRequests;

/** A cancellation token of either end (vscode's, vscode-jsonrpc's). */
export interface CancellationLike {
    readonly isCancellationRequested: boolean;
}

/** What sends requests (vscode-languageclient's `LanguageClient`, a test's JSON-RPC client). */
export interface RequestSender {
    sendRequest<R>(method: string, params: unknown, token?: CancellationLike): Promise<R>;
}

/** What answers them (vscode-languageserver's `Connection`). */
export interface RequestReceiver {
    onRequest(method: string, handler: (params: never) => unknown): unknown;
}

export function sendAlliumRequest<M extends AlliumRequestMethod>(client: RequestSender, method: M, params: AlliumRequests[M]['params'], token?: CancellationLike): Promise<AlliumRequests[M]['result']> {
    return token ? client.sendRequest<AlliumRequests[M]['result']>(method, params, token) : client.sendRequest<AlliumRequests[M]['result']>(method, params);
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
