import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

function corpusFiles(dir = CORPUS): string[] {
    return readdirSync(dir).flatMap(e => {
        const full = path.join(dir, e);
        return statSync(full).isDirectory() ? corpusFiles(full) : e.endsWith('.allium') ? [full] : [];
    }).sort();
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
        const edits = await client.request<Edit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
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
            const codes = (d: Diagnostic[]) => d.map(x => `${x.code}`).sort();
            expect(codes(second.diagnostics), `${file}: same findings after formatting`).toEqual(codes(first.diagnostics));
            changed += first.text === original ? 0 : 1;
        }
        console.log(`formatted ${files.length} corpus files (${changed} changed), all idempotent`);
    }, 120_000);

    it('cleans trailing whitespace, tab indentation and blank-line runs without moving code between blocks', async () => {
        const uri = 'file:///format/messy.allium';
        const messy = '-- allium: 3   \nrule R {\n\twhen: Go(x)  \n\n\n\n    ensures: x.done = true\n}\n\n\n';
        await client.open(uri, messy, 1);
        const { text } = await format(uri, messy, 2);
        expect(text).toBe('-- allium: 3\nrule R {\n    when: Go(x)\n\n    ensures: x.done = true\n}\n');
    });
});
