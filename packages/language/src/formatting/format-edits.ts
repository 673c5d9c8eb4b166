import { TextDocument, type LangiumCoreServices, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { targetIndents } from './layout.js';
import { parsesToSameAst } from './same-ast.js';
import { tooLargeToParse } from '../document-budget.js';
import { documentLines } from '../line-bounds.js';

/**
 * Conservative layout clean-up of lines [first, last] that never changes meaning: block items are indented by their
 * depth in braces (an item moves as a whole, since indentation after a line-ending colon is syntax), trailing
 * whitespace goes, runs of blank lines shrink to one, and the file ends with one newline. The result is parsed
 * again and must give the same syntax tree; if it does not, only the whitespace clean-up is offered, and if even
 * that would change the tree, nothing. Applying it twice changes nothing the second time. The editor's formatter
 * and `allium format` both use it. A file too large to parse is left as it is.
 */
export function formattingEdits(services: LangiumCoreServices, document: LangiumDocument, first = 0, last = document.textDocument.lineCount - 1): TextEdit[] {
    const text = document.textDocument.getText();
    if (tooLargeToParse(text)) {
        // Unparsed, so nothing could show that the layout kept the syntax tree.
        return [];
    }
    const lines = documentLines(text);
    const hasErrors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
    const attempts = hasErrors ? [undefined] : [targetIndents(document), undefined];
    for (const targets of attempts) {
        const formatted = cleanLines(lines, first, last, targets);
        const edits = lineEdits(lines, formatted, first, last);
        const result = finalNewline(document, edits, last >= lines.length - 1);
        if (result.length === 0) {
            return [];
        }
        if (parsesToSameAst(services, document, TextDocument.applyEdits(document.textDocument, result))) {
            return result;
        }
    }
    return [];
}

/** Each line of [first, last] cleaned; `undefined` for a blank line that goes. */
function cleanLines(lines: string[], first: number, last: number, targets: Map<number, number> | undefined): Array<string | undefined> {
    let blankRun = 0;
    return lines.map((original, line) => {
        if (line < first || line > last) {
            return original;
        }
        const indent = /^[ \t]*/.exec(original)![0];
        const content = original.slice(indent.length).trimEnd();
        blankRun = content === '' ? blankRun + 1 : 0;
        if (content === '') {
            return blankRun > 1 && line < lines.length - 1 ? undefined : '';
        }
        const target = targets?.get(line);
        return (target === undefined ? indent.replace(/\t/g, '    ') : ' '.repeat(target)) + content;
    });
}

/** One edit per changed line, and one per run of removed blank lines (not one per line: a run can be long). */
function lineEdits(lines: string[], formatted: Array<string | undefined>, first: number, last: number): TextEdit[] {
    const edits: TextEdit[] = [];
    for (let line = first; line <= last && line < lines.length; line++) {
        const cleaned = formatted[line];
        const previous = edits[edits.length - 1];
        if (cleaned === undefined && previous?.newText === '' && previous.range.end.line === line && previous.range.end.character === 0) {
            previous.range.end.line = line + 1;
        } else if (cleaned === undefined) {
            edits.push({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
        } else if (cleaned !== lines[line]) {
            edits.push({ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, newText: cleaned });
        }
    }
    return edits;
}

/**
 * Replaces whatever blank tail the file has (line breaks and lines of only spaces and tabs, from the end of the last
 * line with content) with one line ending of the file's own kind; edits inside that tail are dropped. The tail is
 * found by a scan from the end: a regular expression anchored at the end retries from every line break of a long
 * blank run, which is quadratic.
 */
function finalNewline(document: LangiumDocument, edits: TextEdit[], includesEnd: boolean): TextEdit[] {
    const text = document.textDocument.getText();
    let blankFrom = text.length;
    while (blankFrom > 0 && /[\n\r \t]/.test(text[blankFrom - 1])) {
        blankFrom--;
    }
    // The last content line keeps its trailing blanks, which its own edit removes: the tail starts at its line break.
    const lineBreak = text.slice(blankFrom).search(/[\n\r]/);
    const tailStart = lineBreak < 0 ? text.length : blankFrom + lineBreak;
    const eol = lineEnding(text);
    if (!includesEnd || text.slice(tailStart) === eol || text.trim() === '') {
        return edits;
    }
    const start = document.textDocument.positionAt(tailStart);
    const end = document.textDocument.positionAt(text.length);
    const before = (p: { line: number; character: number }) => p.line < start.line || (p.line === start.line && p.character <= start.character);
    return [...edits.filter(e => before(e.range.end)), { range: { start, end }, newText: eol }];
}

/** The line ending the file uses, by its first line break: `\n`, `\r\n` or a lone `\r`. */
function lineEnding(text: string): string {
    const at = text.search(/[\r\n]/);
    return at < 0 || text[at] === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : '\r';
}
