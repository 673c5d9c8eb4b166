import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { CORPUS, corpusFiles } from './corpus.js';


function random(seed: number): () => number {
    return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

describe('language server under random edits', () => {
    it('answers every request after deletions, insertions and truncations, and stays alive', async () => {
        const client = new LspClient();
        await client.initialize();
        const next = random(2026);
        const files = corpusFiles(CORPUS, f => !f.includes('synthetic'));
        const snippets = ['{', '}', ':', '\n    ', 'ensures:', '@guidance\n', '"', '`', '(', 'rule ', '-> ', 'for x in ', '.', '--'];
        const uri = 'file:///fuzz/spec.allium';
        let text = readFileSync(files[0], 'utf8');
        await client.open(uri, text);
        let edits = 0;
        const deadline = Date.now() + 25_000;
        for (let version = 2; Date.now() < deadline && edits < 400; version++) {
            const at = Math.floor(next() * (text.length + 1));
            const kind = next();
            if (kind < 0.35) {
                text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
            } else if (kind < 0.7) {
                text = text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(at);
            } else if (kind < 0.85) {
                text = text.slice(0, at);
            } else {
                text = readFileSync(files[Math.floor(next() * files.length)], 'utf8');
            }
            await client.change(uri, text, version);
            edits++;
            const lines = text.split('\n');
            const line = Math.floor(next() * lines.length);
            const position = { line, character: Math.floor(next() * (lines[line].length + 1)) };
            const method = ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/completion', 'textDocument/definition'][edits % 4];
            const params = method === 'textDocument/documentSymbol' ? { textDocument: { uri } } : { textDocument: { uri }, position };
            // A result or an error response both count as an answer; silence does not.
            const answered = await Promise.race([
                client.request(method, params).then(() => true, () => true),
                new Promise<boolean>(resolve => setTimeout(() => resolve(false), 10_000))
            ]);
            expect(answered, `${method} after edit ${edits}`).toBe(true);
        }
        console.log(`tried ${edits} random edits, each followed by a request`);
        expect(edits).toBeGreaterThan(50);
        expect(client.alive).toBe(true);
        await client.dispose();
    }, 60_000);
});
