/**
 * Requests about links between specs and generated code, between the VS Code client (or any client) and the
 * language server; listed in docs/lsp-extensions.md.
 */
import type { SpecRange } from './generation-prompt.js';

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
