import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isAstNode, isReference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { alliumServices } from '@allium/language';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { corpusFiles } from './corpus.js';


/** The syntax tree without positions: node types, properties and reference texts, and the number of syntax errors. */
function syntaxTree(text: string): string {
    const result = alliumServices().parser.LangiumParser.parse(text);
    const shape = (value: unknown): unknown => Array.isArray(value) ? value.map(shape)
        : isReference(value) ? value.$refText
        : isAstNode(value) ? [value.$type, Object.entries(value).filter(([k]) => !k.startsWith('$')).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)])]
        : value;
    return JSON.stringify([shape(result.value), result.lexerErrors.length, result.parserErrors.length]);
}

interface Edit { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }
interface Diagnostic { range: { start: { line: number } }; code?: string; message: string }

describe('formatting over LSP', () => {
    let client: LspClient;
    beforeAll(async () => {
        client = new LspClient();
        await client.initialize();
    });
    afterAll(() => client.dispose());

    async function format(uri: string, text: string, version: number): Promise<{ text: string; edits: number; diagnostics: Diagnostic[] }> {
        await client.change(uri, text, version);
        const diagnostics = await client.diagnosticsFor(uri, () => true);
        const formatting = client.request<Edit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        // Bounded by the server's CPU time (test/support/cpu-bound.ts), which a loaded machine does not stretch.
        const { value: edits } = await client.within(formatting, { cpuMs: 10_000, what: `formatting ${uri}` });
        return { text: TextDocument.applyEdits(TextDocument.create(uri, 'allium', version, text), edits), edits: edits.length, diagnostics };
    }

    it('is idempotent on every corpus file and never changes what the checker reports', async () => {
        let version = 1;
        let changed = 0;
        const files = corpusFiles();
        for (const file of files) {
            const uri = `file:///format/${path.basename(file)}`;
            const original = readFileSync(file, 'utf8');
            await client.open(uri, original, version++);
            const first = await format(uri, original, version++);
            const second = await format(uri, first.text, version++);
            expect(second.edits, `${file}: formatting twice changes nothing`).toBe(0);
            expect(syntaxTree(first.text), `${file}: same syntax tree after formatting`).toBe(syntaxTree(original));
            const codes = (d: Diagnostic[]) => d.map(x => `${x.code}`).sort();
            expect(codes(second.diagnostics), `${file}: same findings after formatting`).toEqual(codes(first.diagnostics));
            changed += first.text === original ? 0 : 1;
        }
        console.log(`formatted ${files.length} corpus files (${changed} changed), all idempotent, syntax trees unchanged`);
        expect(changed).toBeGreaterThan(0);
    }, 900_000);

    it('cleans trailing whitespace, tab indentation and blank-line runs without moving code between blocks', async () => {
        const uri = 'file:///format/messy.allium';
        const messy = '-- allium: 3   \nrule R {\n\twhen: Go(x)  \n\n\n\n    ensures: x.done = true\n}\n\n\n';
        await client.open(uri, messy, 1);
        const { text } = await format(uri, messy, 2);
        expect(text).toBe('-- allium: 3\nrule R {\n    when: Go(x)\n\n    ensures: x.done = true\n}\n');
    });

    it('indents block items by their brace depth, moving indented clauses as a whole', async () => {
        const uri = 'file:///format/indent.allium';
        const messy = [
            '-- allium: 3',
            'entity Ticket {',
            '  status: open | closed',
            '      -- the closing states',
            '  transitions status {',
            'open -> closed',
            '         terminal: closed',
            '  }',
            '}',
            'rule Close{',
            '  when: Close(ticket)',
            '  ensures:',
            '      ticket.status = closed',
            '      -- and nothing else',
            '  @guidance',
            '      -- Close politely.',
            '}',
            ''
        ].join('\n');
        await client.open(uri, messy, 1);
        const { text } = await format(uri, messy, 2);
        expect(text).toBe([
            '-- allium: 3',
            'entity Ticket {',
            '    status: open | closed',
            '    -- the closing states',
            '    transitions status {',
            '        open -> closed',
            '        terminal: closed',
            '    }',
            '}',
            'rule Close{',
            '    when: Close(ticket)',
            '    ensures:',
            '        ticket.status = closed',
            '        -- and nothing else',
            '    @guidance',
            '        -- Close politely.',
            '}',
            ''
        ].join('\n'));
        expect(syntaxTree(text)).toBe(syntaxTree(messy));
    });
});
