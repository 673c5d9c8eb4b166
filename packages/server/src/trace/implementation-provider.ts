import type { LangiumDocument } from 'langium';
import type { ImplementationProvider } from 'langium/lsp';
import type { ImplementationParams, LocationLink } from 'vscode-languageserver';
import type { TraceLinks } from './trace-links.js';

/**
 * Go to implementation from a spec: from anywhere in a clause to the generated code regions linked to it and, on a
 * declaration, to the tests of its obligations too; the region's whole span is the target.
 */
export class TraceImplementationProvider implements ImplementationProvider {
    constructor(private readonly links: () => TraceLinks) {}

    getImplementation(document: LangiumDocument, params: ImplementationParams): LocationLink[] | undefined {
        const status = this.links().clauseAt(document, document.textDocument.offsetAt(params.position));
        if (!status) {
            return undefined;
        }
        const origin = status.clause.range;
        return [...status.implementations, ...status.tests].map(region => {
            const range = { start: { line: region.beginLine, character: 0 }, end: { line: region.endLine, character: 0 } };
            return { originSelectionRange: origin, targetUri: region.uri, targetRange: range, targetSelectionRange: { start: range.start, end: range.start } };
        });
    }
}
