/**
 * Requests about links between specs and generated code, between the VS Code client (or any client) and the
 * language server; listed in docs/lsp-extensions.md.
 */
import type { GenerationPrompt, SpecRange } from './generation-prompt.js';

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

/** The client command a lens runs to list locations (VS Code's peek view); arguments `[uri, position, locations]`. */
export const SHOW_LOCATIONS_COMMAND = 'allium.showLocations';

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

/** The client command the "Regenerate this clause" fix runs; arguments `[clauseId]`. */
export const REGENERATE_CLAUSE_COMMAND = 'allium.regenerateClause';
