import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, type Cancellation, type LangiumDocument, type MaybePromise } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { IssueCodes } from '../diagnostics/catalogue.js';
import { withCodeDescription } from '../diagnostics/catalogue-doc.js';

/**
 * Langium's document builder, with a document that breaks a phase of its build (an exception in parsing, scope
 * computation, linking, indexing or validation) kept from breaking the others. Langium aborts the whole build at
 * the exception and, since the document never reaches `Validated`, tries it again in every later build: one such
 * file failed every build of the workspace after it, and requests on any document waited for a state that never
 * came. Here the document skips the rest of its build, is marked built with one diagnostic saying the checker
 * failed, and the other documents are built as usual. A change to it gives it a fresh start.
 */
export class FaultTolerantDocumentBuilder extends DefaultDocumentBuilder {
    private readonly failures = new WeakMap<LangiumDocument, unknown>();

    protected override runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            if (targetState === DocumentState.Parsed) {
                this.failures.delete(document);
            }
            if (!this.failures.has(document)) {
                try {
                    return await callback(document);
                } catch (error) {
                    if (isOperationCancelled(error)) {
                        throw error;
                    }
                    this.failures.set(document, error);
                    console.error(`Allium: checking ${document.uri.toString()} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
                }
            }
            if (targetState === DocumentState.Validated) {
                document.diagnostics = [failureDiagnostic(this.failures.get(document))];
                this.markAsCompleted(document);
            }
            return undefined;
        });
    }
}

function failureDiagnostic(error: unknown): Diagnostic {
    const message = error instanceof Error ? error.message : String(error);
    return withCodeDescription({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'allium',
        code: IssueCodes.Internal,
        message: `The Allium checker failed on this document (${message}); its findings are not shown. The server log has the details.`
    });
}
