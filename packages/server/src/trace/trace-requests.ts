import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { MARKER_LINKS_REQUEST, onAlliumRequest, RESOLVE_CLAUSE_REQUEST, type MarkerLink, type MarkerLinksParams, type ResolveClauseParams, type ResolvedClause } from '@allium/generate';
import type { AlliumLspServices } from '../allium-server-module.js';

/**
 * Requests about generated code, for clients that show links in code files (the server has no documents of those
 * languages): the clause each marker of a file names, and where a clause is in the spec now.
 */
export function registerTraceRequests(connection: Connection, shared: LangiumSharedServices): void {
    const links = () => (shared.ServiceRegistry.all[0] as AlliumLspServices).trace.TraceLinks;
    onAlliumRequest(connection, MARKER_LINKS_REQUEST, async (params: MarkerLinksParams): Promise<MarkerLink[]> => {
        await (shared.ServiceRegistry.all[0] as AlliumLspServices).trace.CodeIndex.ready;
        const trace = links();
        return (await trace.markersOf(params.uri, params.text)).flatMap(region => {
            const clause = trace.resolve(region.id);
            return clause ? [{ line: region.beginLine, id: region.id, target: { uri: clause.uri, range: clause.range } }] : [];
        });
    });
    onAlliumRequest(connection, RESOLVE_CLAUSE_REQUEST, (params: ResolveClauseParams): ResolvedClause | null => {
        const clause = links().resolve(params.id);
        return clause ? { id: clause.id, uri: clause.uri, range: clause.range } : null;
    });
}
