import { describe, expect, it } from 'vitest';
import { DocumentState, EmptyFileSystem, TextDocument, URI, type AstNode, type LangiumDocument, type ParseResult } from 'langium';
import { createAlliumCoreServices, parseAllium, type Module } from '../src/index.js';
import { spliceDeclarations } from '../src/declaration-splice.js';
import { corpusFiles, corpusText } from './corpus-support.js';
import { dump, random } from './tree-dump.js';

/** Declaration starts, ends and the lines between them: where an edit is most likely to cross what a splice keeps. */
function boundaries(text: string): number[] {
    const at: number[] = [0, text.length];
    for (const match of text.matchAll(/\n(?=[A-Za-z])|}\n|\n\n/g)) {
        at.push(match.index, match.index + 1, match.index + match[0].length);
    }
    return at;
}

const SNIPPETS = ['x', ' ', '\n', '}', '{', '}\n', '\n}\n', 'rule Added {\n    when: Ping()\n    ensures: Done()\n}\n', '-- note\n', 'entity ', '\n\n',
    'default Limit = 3\n', '"', '(', '    ensures: a.b = 1\n', 'value V {\n    n: Integer\n}\n', 'use "./other.allium" as other\n', '@guidance\n    -- prose\n', ':'];

/** A keystroke anywhere (a character typed or deleted), or a larger edit at or near a declaration boundary. */
function edit(text: string, next: () => number): string {
    if (next() < 0.5) {
        const at = Math.floor(next() * (text.length + 1));
        return next() < 0.7 ? text.slice(0, at) + 'xy _'[Math.floor(next() * 4)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    const marks = boundaries(text);
    const at = marks[Math.floor(next() * marks.length)];
    const start = Math.min(text.length, Math.max(0, at + Math.floor(next() * 5) - 2));
    const end = next() < 0.5 ? start : Math.min(text.length, start + Math.floor(next() * (next() < 0.2 ? 200 : 12)));
    const inserted = next() < 0.7 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)] : '';
    return text.slice(0, start) + inserted + text.slice(end);
}

describe('re-parsing only the declarations an edit touched', () => {
    const services = createAlliumCoreServices(EmptyFileSystem).Allium;
    const parser = services.parser.LangiumParser;
    const files = corpusFiles().filter(f => !f.startsWith('synthetic/'));

    it('gives the tree a parse of the whole new text gives, over chains of edits at declaration boundaries', () => {
        const next = random(14);
        let spliced = 0;
        let edits = 0;
        let cleanEdits = 0;
        // Specs that start valid: a spec with syntax errors is always parsed whole.
        const valid = files.filter(file => isValid(parser.parse(corpusText(file))));
        for (const file of valid.filter((_, i) => i % 3 === 0)) {
            let text = corpusText(file);
            let previous: ParseResult<AstNode> = parser.parse(text);
            for (let i = 0; i < 16; i++) {
                const edited = edit(text, next);
                const whole = parser.parse(edited);
                const result = spliceDeclarations(previous, edited, parser);
                edits++;
                const clean = isValid(whole);
                cleanEdits += clean && isValid(previous) ? 1 : 0;
                if (result) {
                    spliced++;
                    expect(dump(result), `${file}, edit ${i}`).toBe(dump(whole));
                }
                // Mostly valid specs, as while typing between saves; a broken one is kept now and then, and is parsed whole.
                if (clean || next() < 0.2) {
                    text = edited;
                    previous = result ?? whole;
                } else if (result) {
                    // A splice hands the kept declarations on to the new tree: the previous one is not used again.
                    previous = parser.parse(text);
                }
            }
        }
        console.log(`${edits} edits, ${cleanEdits} of them from a valid spec (no syntax error or stray token) to a valid one, ${spliced} re-parsed in their declarations only`);
        // A broken spec is parsed whole; of the edits between valid specs most splice, enough for the comparison to mean something.
        expect(spliced).toBeGreaterThan(cleanEdits / 2);
    }, 120_000);

    it('leaves the same diagnostics as a fresh check once the spliced tree is linked and validated again', async () => {
        const next = random(3);
        const workspace = services.shared.workspace;
        let compared = 0;
        for (const [index, file] of files.filter((_, i) => i % 9 === 0).entries()) {
            let text = corpusText(file);
            const uri = URI.parse(`memory:///splice/spec-${index}.allium`);
            const document = workspace.LangiumDocumentFactory.fromString(text, uri);
            workspace.LangiumDocuments.addDocument(document);
            await workspace.DocumentBuilder.build([document], { validation: true });
            for (let i = 0; i < 10; i++) {
                const edited = edit(text, next);
                const result = spliceDeclarations(document.parseResult, edited, parser);
                if (!result) {
                    continue;
                }
                text = edited;
                // What the document factory's update does with a spliced parse (the memos of the last build survive).
                workspace.DocumentBuilder.resetToState(document, DocumentState.Changed);
                replaceParse(document, result, text);
                await workspace.DocumentBuilder.build([document], { validation: true });
                const fresh = await parseAllium(text, `memory:///fresh/spec-${index}-${i}.allium`, services);
                expect(document.diagnostics!.map(d => JSON.stringify(d)), `${file}, edit ${i}`).toEqual(fresh.diagnostics.map(d => JSON.stringify(d)));
                compared++;
            }
            workspace.LangiumDocuments.deleteDocument(uri);
        }
        console.log(`${compared} spliced documents checked against a fresh check`);
        expect(compared).toBeGreaterThan(20);
    }, 120_000);
});

/** No syntax error, and no token skipped between declarations. */
function isValid(result: ParseResult<AstNode>): boolean {
    return result.parserErrors.length + result.lexerErrors.length === 0 && (result.value as Module).strays.length === 0;
}

function replaceParse(document: LangiumDocument, result: ParseResult<AstNode>, text: string): void {
    (document as { parseResult: ParseResult<AstNode> }).parseResult = result;
    (result.value as { $document?: LangiumDocument }).$document = document;
    Object.defineProperty(document, 'textDocument', { value: TextDocument.create(document.uri.toString(), 'allium', 0, text), configurable: true });
    document.state = DocumentState.Parsed;
}
