import type { LangiumDocument, MaybePromise } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';

/**
 * Conservative layout clean-up that never changes meaning: indentation is significant after a line-ending colon,
 * so lines keep their depth. Tabs in indentation become four spaces, trailing whitespace goes, runs of blank lines
 * shrink to one, and the file ends with exactly one newline. Applying it twice changes nothing the second time.
 */
export class AlliumFormatter implements Formatter {
    readonly formatOnTypeOptions: DocumentOnTypeFormattingOptions | undefined = undefined;

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return this.edits(document, 0, document.textDocument.lineCount - 1);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return this.edits(document, params.range.start.line, params.range.end.line);
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        return [];
    }

    private edits(document: LangiumDocument, first: number, last: number): TextEdit[] {
        const text = document.textDocument.getText();
        const lines = text.split(/\r?\n/);
        const edits: TextEdit[] = [];
        let blankRun = 0;
        for (let line = first; line <= last && line < lines.length; line++) {
            const original = lines[line];
            const indent = /^[ \t]*/.exec(original)![0];
            const cleaned = indent.replace(/\t/g, '    ') + original.slice(indent.length).trimEnd();
            const isLast = line === lines.length - 1;
            blankRun = cleaned === '' ? blankRun + 1 : 0;
            const range = { start: { line, character: 0 }, end: { line, character: original.length } };
            if (cleaned === '' && blankRun > 1 && !isLast) {
                edits.push({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
            } else if (cleaned !== original) {
                edits.push({ range, newText: cleaned });
            }
        }
        if (last >= lines.length - 1) {
            const trailing = /(\r?\n)*$/.exec(text)![0];
            const end = document.textDocument.positionAt(text.length);
            const start = document.textDocument.positionAt(text.length - trailing.length);
            if (trailing !== '\n' && text.trim() !== '') {
                // Replaces whatever blank tail there is (also covered above) with one newline.
                const before = (p: { line: number; character: number }) => p.line < start.line || (p.line === start.line && p.character <= start.character);
                return [...edits.filter(e => before(e.range.end)), { range: { start, end }, newText: '\n' }];
            }
        }
        return edits;
    }
}
