/**
 * Requests about the editor's view of a spec, between the VS Code client (or any client) and the language server;
 * listed in docs/lsp-extensions.md.
 */

/** `allium/specStatus`: what the language status shows for a spec file. */
export const SPEC_STATUS_REQUEST = 'allium/specStatus';

export interface SpecStatusParams {
    textDocument: { uri: string };
}

export interface SpecStatus {
    /** The diagnostics mode the server reports in now. */
    diagnosticsMode: 'strict' | 'relaxed' | 'reference';
    /** The files joined to this one by `use`, either way and transitively: the file first, then the others by path. */
    specSet: string[];
}
