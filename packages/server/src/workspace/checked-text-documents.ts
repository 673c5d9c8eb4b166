import { NormalizedTextDocuments } from 'langium/lsp';
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams, NotificationHandler } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium's text document manager, fed only well-formed `didOpen` and `didChange` notifications: one whose text is
 * missing, `null` or a number would otherwise become a document whose every read throws. Malformed ones are
 * logged and dropped, so the document stays as it was (or unknown, and requests on it get a proper error).
 */
export class CheckedTextDocuments extends NormalizedTextDocuments<TextDocument> {
    constructor() {
        super(TextDocument);
    }

    override listen(connection: Connection) {
        const warn = (method: string, uri: unknown) => connection.console.warn(`Allium: ignored a ${method} for ${String(uri)} without text.`);
        const checked = new Proxy(connection, {
            get(target, key, receiver) {
                if (key === 'onDidOpenTextDocument') {
                    return (handler: NotificationHandler<DidOpenTextDocumentParams>) => target.onDidOpenTextDocument(params =>
                        isWellFormedOpen(params) ? handler(params) : warn('didOpen', params?.textDocument?.uri));
                }
                if (key === 'onDidChangeTextDocument') {
                    return (handler: NotificationHandler<DidChangeTextDocumentParams>) => target.onDidChangeTextDocument(params =>
                        isWellFormedChange(params) ? handler(params) : warn('didChange', params?.textDocument?.uri));
                }
                return Reflect.get(target, key, receiver);
            }
        });
        return super.listen(checked);
    }
}

function isWellFormedOpen(params: DidOpenTextDocumentParams | undefined): boolean {
    const document = params?.textDocument;
    return typeof document?.uri === 'string' && typeof document.text === 'string' && typeof document.version === 'number';
}

function isWellFormedChange(params: DidChangeTextDocumentParams | undefined): boolean {
    return typeof params?.textDocument?.uri === 'string' && Array.isArray(params.contentChanges)
        && params.contentChanges.every(change => typeof change?.text === 'string');
}
