import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { buildDiagram, renderDiagram } from '@allium/diagram';
import { DIAGRAM_REQUEST, loadSpecSet, onAlliumRequest, type DiagramParams, type DiagramResult } from '@allium/generate';
import type { AlliumServices } from '@allium/language';

const KINDS = new Set(['states', 'flow']);
const FORMATS = new Set(['svg', 'mermaid', 'd2']);

/**
 * Draws a spec set for the client: the editor's webview shows the SVG and opens what a click names. It reads the
 * documents after the edits already sent are built, so a diagram asked for after a keystroke shows that keystroke.
 */
export function registerDiagramRequest(connection: Connection, shared: LangiumSharedServices): void {
    onAlliumRequest(connection, DIAGRAM_REQUEST, async (params: DiagramParams): Promise<DiagramResult> => {
        const uris = (params?.uris ?? []).map(u => URI.parse(u));
        if (uris.length === 0) {
            throw new ResponseError(-32602, 'No spec file to draw.');
        }
        if (!KINDS.has(params.kind)) {
            throw new ResponseError(-32602, `Unknown diagram kind '${String(params.kind)}': use 'states' or 'flow'.`);
        }
        const format = params.format ?? 'svg';
        if (!FORMATS.has(format)) {
            throw new ResponseError(-32602, `Unknown diagram format '${String(format)}': use 'svg', 'mermaid' or 'd2'.`);
        }
        const services = shared.ServiceRegistry.getServices(uris[0]) as AlliumServices;
        // Waits for the rebuild of edits already received; loading may build imported files, which a read must not.
        await shared.workspace.WorkspaceLock.read(() => undefined);
        const set = await loadSpecSet(services, uris);
        return renderDiagram(buildDiagram(services, set.modules, params.kind), format, params.standalone === true);
    });
}
