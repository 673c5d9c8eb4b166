import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { CORPUS, corpusFiles, type Position } from './corpus.js';

function random(seed: number): () => number {
    return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

const SNIPPETS = ['{', '}', ':', '\n    ', '\n', 'ensures:', 'ensures:\n        ', '@guidance\n', '        -- prose\n', '"', '`', '(', ')', 'rule ', 'entity X {', '-> ',
    'for x in ', 'if ', '.', '?.', '--', '-- ----\n', 'when: ', 'transitions status {', 'open question "', '\t', '|', 'use "./x.allium" as x\n', 'config.', '=>'];

/** Every request an editor sends while someone types, at a position when it takes one. */
function requestFor(index: number, uri: string, position: Position): [string, unknown] {
    const textDocument = { uri };
    const range = { start: position, end: position };
    const requests: Array<[string, unknown]> = [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument, position }],
        ['textDocument/prepareRename', { textDocument, position }],
        ['textDocument/rename', { textDocument, position, newName: 'Renamed' }],
        ['textDocument/documentSymbol', { textDocument }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/semanticTokens/full', { textDocument }],
        ['textDocument/codeLens', { textDocument }],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
        ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
        ['workspace/symbol', { query: 'Order' }]
    ];
    return requests[index % requests.length];
}

describe('language server under random edits', () => {
    it('answers every request after deletions, insertions and truncations, and stays alive', async () => {
        const client = new LspClient();
        await client.initialize();
        // FUZZ_SEED=n explores other edit sequences; the default keeps runs repeatable.
        const seed = Number(process.env.FUZZ_SEED ?? 2026);
        const next = random(seed);
        const files = corpusFiles(CORPUS, f => !f.includes('synthetic'));
        const uri = 'file:///fuzz/spec.allium';
        let text = readFileSync(files[0], 'utf8');
        await client.open(uri, text);
        let edits = 0;
        const answered = new Map<string, number>();
        // Bounded by the server's CPU time, not the wall clock: a loaded machine must not cut the run short.
        const cpuAtStart = client.cpuMs ?? 0;
        for (let version = 2; (client.cpuMs ?? 0) - cpuAtStart < 15_000 && edits < 1500; version++) {
            const at = Math.floor(next() * (text.length + 1));
            const kind = next();
            if (kind < 0.35) {
                text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 40));
            } else if (kind < 0.75) {
                text = text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
            } else if (kind < 0.85) {
                text = text.slice(0, at);
            } else {
                text = readFileSync(files[Math.floor(next() * files.length)], 'utf8');
            }
            await client.change(uri, text, version);
            edits++;
            const lines = text.split('\n');
            const line = Math.floor(next() * lines.length);
            const [method, params] = requestFor(edits, uri, { line, character: Math.floor(next() * (lines[line].length + 1)) });
            // A result or an error response both count as an answer; silence does not.
            const answer = client.request(method, params).then(() => 'result', (e: { code?: number }) => `error ${e.code}`);
            const reply = await client.within(answer, { cpuMs: 10_000, what: `${method} after edit ${edits}` }).then(r => r.value, () => 'silence');
            expect(reply, `${method} after edit ${edits}`).not.toBe('silence');
            // Invalid rename targets are refused with an error; anything else failing would be a crash inside a feature.
            if (reply.startsWith('error') && method !== 'textDocument/rename' && method !== 'textDocument/prepareRename') {
                writeFileSync(path.join(tmpdir(), `allium-fuzz-${seed}-${edits}.allium`), text);
                expect.fail(`${method} after edit ${edits} failed with ${reply}; the text is in ${tmpdir()}/allium-fuzz-${seed}-${edits}.allium`);
            }
            answered.set(method, (answered.get(method) ?? 0) + 1);
        }
        console.log(`tried ${edits} random edits (seed ${seed}), each followed by a request (${[...answered].map(([m, n]) => `${m.split('/')[1]} ${n}`).join(', ')})`);
        expect(edits).toBeGreaterThan(100);
        expect(client.alive).toBe(true);
        // Still answering on a clean spec after all that.
        await client.change(uri, readFileSync(files[0], 'utf8'), 100_000);
        expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).not.toEqual([]);
        await client.dispose();
    }, 900_000);

    it('keeps up with changes sent faster than it can check them', async () => {
        const client = new LspClient();
        await client.initialize();
        const text = readFileSync(corpusFiles(CORPUS, f => f.includes('v3-lifecycle'))[0], 'utf8');
        const uri = 'file:///fuzz/typing.allium';
        await client.open(uri, text);
        // Typing the file again from empty, one keystroke per change, without waiting for anything.
        const pending: Array<Promise<unknown>> = [];
        for (let length = 0, version = 2; length <= text.length; length += 7, version++) {
            await client.change(uri, text.slice(0, length), version);
            if (version % 25 === 0) {
                pending.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => 'cancelled'));
            }
        }
        await client.change(uri, text, 1_000_000);
        const outcomes = await Promise.all(pending);
        expect(outcomes.length).toBeGreaterThan(10);
        // Findings of stale versions may still arrive; those of the whole file must follow them.
        const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'allium.status.unreachableValue') && !d.some(x => x.code === 'allium.syntax'));
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(client.alive).toBe(true);
        await client.dispose();
    }, 60_000);
});
