import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { readFileSync } from 'node:fs';
import { largeSpec, PATHOLOGICAL } from './pathological-specs.js';

/** Resident memory of a process in MB, from Linux's /proc. */
function residentMb(pid: number | undefined): number {
    const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** What an editor asks right after opening a file; each must be answered, with a result, in bounded time. */
const REQUESTS: Array<[string, (uri: string) => unknown]> = [
    ['textDocument/documentSymbol', uri => ({ textDocument: { uri } })],
    ['textDocument/foldingRange', uri => ({ textDocument: { uri } })],
    ['textDocument/semanticTokens/full', uri => ({ textDocument: { uri } })],
    // Inside the long identifier where there is one; elsewhere the position is past the end of its line.
    ['textDocument/hover', uri => ({ textDocument: { uri }, position: { line: 6, character: 50_000 } })],
    ['textDocument/completion', uri => ({ textDocument: { uri }, position: { line: 6, character: 50_000 } })],
    ['textDocument/formatting', uri => ({ textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })]
];

describe('pathological specs', () => {
    const client = new LspClient();
    beforeAll(() => client.initialize());
    afterAll(() => client.dispose());

    for (const [name, build] of Object.entries(PATHOLOGICAL)) {
        it(`${name}: diagnostics and answers in bounded time, the server alive`, async () => {
            const uri = `file:///adversarial/${name.replace(/[^a-z0-9]+/gi, '-')}.allium`;
            const started = Date.now();
            const published = client.nextDiagnostics(uri, 15_000);
            await client.open(uri, build());
            const diagnostics = await published;
            const firstDiagnostics = Date.now() - started;
            expect(diagnostics.some(d => d.code === 'allium.internal'), JSON.stringify(diagnostics.slice(0, 3))).toBe(false);
            let slowest = 0;
            for (const [method, params] of REQUESTS) {
                const asked = Date.now();
                await expect(client.request(method, params(uri)), method).resolves.not.toThrow();
                slowest = Math.max(slowest, Date.now() - asked);
            }
            expect(client.alive).toBe(true);
            console.log(`${name}: first diagnostics ${firstDiagnostics} ms, slowest request ${slowest} ms, ${diagnostics.length} diagnostics`);
            expect(firstDiagnostics + slowest).toBeLessThan(15_000);
        }, 40_000);
    }

    it('checks a 1 MB valid spec fully, and says how long it took and how much memory', async () => {
        // A server of its own, so that its memory is that of this spec alone.
        const alone = new LspClient();
        await alone.initialize();
        const uri = 'file:///adversarial/large.allium';
        const started = Date.now();
        const published = alone.nextDiagnostics(uri, 30_000);
        await alone.open(uri, largeSpec(1_000_000));
        const diagnostics = await published;
        const elapsed = Date.now() - started;
        const memory = residentMb(alone.pid);
        // The outline is bounded: every declaration, and members only up to the limit.
        type Symbol = { children?: Symbol[] };
        const outline = await alone.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const count = (symbols: Symbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
        await alone.dispose();
        expect(outline.length).toBeGreaterThan(9_000);
        expect(count(outline)).toBeLessThanOrEqual(10_000);
        console.log(`1 MB spec: first diagnostics ${elapsed} ms, ${diagnostics.length} diagnostics, server RSS ${memory} MB`);
        expect(diagnostics.some(d => d.code === 'allium.budget')).toBe(false);
        // The targets are 1.5 s and 300 MB on an idle machine; these bounds catch a regression to quadratic work.
        expect(elapsed).toBeLessThan(20_000);
        expect(memory).toBeLessThan(1000);
    }, 40_000);

    it('says where nesting or length was bounded', async () => {
        const uri = 'file:///adversarial/bounded.allium';
        const published = client.nextDiagnostics(uri);
        await client.open(uri, PATHOLOGICAL['nested parentheses']());
        const messages = (await published).map(d => d.message);
        expect(messages.some(m => m.startsWith('Nested too deeply'))).toBe(true);
    });
});
