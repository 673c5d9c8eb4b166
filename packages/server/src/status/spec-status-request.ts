import { DocumentState, type LangiumDocument } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { importedDocument, type Module, isUseDecl } from '@allium/language';
import { SPEC_STATUS_REQUEST, type SpecStatus, type SpecStatusParams } from '@allium/generate/streaming';
import type { AlliumLspServices } from '../allium-server-module.js';

/** `allium/specStatus`: the diagnostics mode and the spec set of a file, for the editor's language status. */
export function registerSpecStatusRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(SPEC_STATUS_REQUEST, createRequestHandler<SpecStatusParams, SpecStatus>((services, document) => ({
        diagnosticsMode: (services as AlliumLspServices).editor.DiagnosticsModes.mode,
        specSet: specSetOf(services as AlliumLspServices, document)
    }), shared, DocumentState.Parsed));
}

/** The files `use` joins to `document`, in either direction. */
function specSetOf(services: AlliumLspServices, document: LangiumDocument): string[] {
    const neighbours = new Map<string, Set<string>>();
    const link = (a: string, b: string) => {
        neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
        neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
    };
    for (const other of services.shared.workspace.LangiumDocuments.all) {
        for (const use of (other.parseResult.value as Module).declarations?.filter(isUseDecl) ?? []) {
            const imported = importedDocument(services, use);
            if (imported) {
                link(other.uri.toString(), imported.uri.toString());
            }
        }
    }
    const start = document.uri.toString();
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
        for (const next of neighbours.get(queue.shift()!) ?? []) {
            if (!seen.has(next)) {
                seen.add(next);
                queue.push(next);
            }
        }
    }
    return [start, ...[...seen].filter(u => u !== start).sort()];
}
