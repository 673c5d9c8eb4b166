import type { SpecStatus } from '@allium/generate/streaming';

/** The language server's state as the client sees it. */
export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusView {
    text: string;
    detail: string;
    busy: boolean;
    error: boolean;
}

/** What the language status shows: the server's state and version, then the file's diagnostics mode and spec set. */
export function statusView(state: ServerState, version: string, status: SpecStatus | undefined, fileName: (uri: string) => string): StatusView {
    if (state !== 'running') {
        return {
            text: state === 'starting' ? `Allium ${version}: starting` : `$(error) Allium ${version}: stopped`,
            detail: state === 'starting' ? 'The language server is starting.' : 'The language server stopped; restart it, or see the logs for why.',
            busy: state === 'starting',
            error: state === 'stopped'
        };
    }
    const files = status?.specSet.map(fileName) ?? [];
    const set = files.length <= 1 ? 'a spec set of its own' : `spec set ${files.slice(0, 4).join(', ')}${files.length > 4 ? ` and ${files.length - 4} more` : ''}`;
    return {
        text: `Allium ${version}`,
        detail: status ? `${status.diagnosticsMode} diagnostics · ${set}` : 'language server running',
        busy: false,
        error: false
    };
}
