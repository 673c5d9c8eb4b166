import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER_LINKS_REQUEST, type MarkerLink } from '@allium/generate/streaming';
import { FakeAnthropicServer } from '../../packages/generate/test/support/fake-anthropic-server.js';
import { LspClient } from './lsp-client.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { SHIP_ORDER_ANSWER as ANSWER, SHIP_ORDER_SPEC as SPEC } from '../support/ship-order.js';


interface Diagnostic { range: { start: { line: number } }; code?: string; message: string }
const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => `${d.range.start.line + 1}:${d.code}`).filter(c => c.includes('allium.trace'));

describe('links between a spec and the code generated from it, in the language server', () => {
    const dir = tempDir('allium-lsp-trace');
    const spec = path.join(dir, 'orders.allium');
    const specUri = pathToFileURL(spec).href;
    const codeUri = pathToFileURL(path.join(dir, 'gen/src/ship.ts')).href;
    let client: LspClient;

    beforeAll(async () => {
        writeFileSync(spec, SPEC);
        const server = new FakeAnthropicServer();
        await server.start();
        server.script({ chunks: ANSWER });
        const generated = await runCli(['generate', 'orders.allium', '--rule', 'ShipOrder', '--out', 'gen'], dir, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });
        await server.stop();
        expect(generated.status).toBe(0);
        mkdirSync(path.join(dir, 'old'));
        writeFileSync(path.join(dir, 'old/legacy.py'), '# @allium-begin orders::rule:CancelOrder\ndef cancel(): pass\n# @allium-end orders::rule:CancelOrder\n');
        client = new LspClient();
        await client.initialize(dir);
        await client.open(specUri, SPEC);
    });

    afterAll(() => client.dispose());

    it('shows where a declaration is implemented and tested in a lens', async () => {
        await client.diagnosticsFor(specUri);
        const lenses = await waitFor(async () => {
            const found = await client.request<Array<{ command?: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: specUri } });
            return found.find(l => l.command?.title.startsWith('implemented in'));
        });
        expect(lenses.command!.title).toBe('implemented in 1 place · 1 test');
    });

    it('goes from a clause to its exact code region, and says so in the hover', async () => {
        const links = await client.request<Array<{ targetUri: string; targetRange: { start: { line: number }; end: { line: number } } }>>('textDocument/implementation', { textDocument: { uri: specUri }, position: { line: 7, character: 20 } });
        expect(links.map(l => [l.targetUri, l.targetRange.start.line, l.targetRange.end.line])).toEqual([[codeUri, 2, 4]]);
        const saved = readFileSync(path.join(dir, 'gen/src/ship.ts'), 'utf8').split('\n');
        expect(saved[2]).toBe('    // @allium-begin orders::rule:ShipOrder/requires#1');
        expect(saved[4]).toBe('    // @allium-end orders::rule:ShipOrder/requires#1');
        const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: specUri }, position: { line: 7, character: 20 } });
        expect(hover.contents.value).toContain('Implemented in [src/ship.ts:3]');
    });

    it('reports a marker naming a clause no spec declares, on the code file', async () => {
        const legacy = await client.diagnosticsFor(pathToFileURL(path.join(dir, 'old/legacy.py')).href);
        expect(codes(legacy)).toEqual(['1:allium.trace.unknownClause']);
    });

    it('picks up code written after it started, from the file events the editor reports', async () => {
        const extra = path.join(dir, 'gen/src/order.ts');
        writeFileSync(extra, '// @allium-begin orders::entity:Order\nexport type Order = { status: "pending" | "shipped" };\n// @allium-end orders::entity:Order\n');
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(extra).href, type: 1 }] });
        const links = await waitFor(async () => {
            const found = await client.request<Array<{ targetUri: string }>>('textDocument/implementation', { textDocument: { uri: specUri }, position: { line: 1, character: 8 } });
            return found?.length ? found : undefined;
        });
        expect(links.map(l => l.targetUri)).toEqual([pathToFileURL(extra).href]);
    });

    it('links each marker of a code file to its clause where it is now', async () => {
        const links = await client.request<MarkerLink[]>(MARKER_LINKS_REQUEST, { uri: codeUri });
        expect(links.map(l => [l.line, l.id, l.target.range.start.line])).toEqual([
            [0, 'orders::rule:ShipOrder', 5], [2, 'orders::rule:ShipOrder/requires#1', 7], [5, 'orders::rule:ShipOrder/ensures#1', 8]
        ]);
    });

    it('flags the clause that changed since its code was generated in the next publish', async () => {
        expect(codes(await client.diagnosticsFor(specUri))).not.toContain('9:allium.trace.drifted');
        const next = client.nextDiagnostics(specUri);
        await client.change(specUri, SPEC.replace('ensures: order.status = shipped', 'ensures:\n        order.status = shipped\n        Shipped(order: order)\n    ensures: Notified(order: order)'), 2);
        const diagnostics = await next;
        expect(codes(diagnostics)).toContain('9:allium.trace.drifted');
        expect(codes(diagnostics)).toContain('6:allium.trace.drifted');
        expect(codes(diagnostics)).toContain('12:allium.trace.unimplemented');
        expect(codes(diagnostics)).not.toContain('8:allium.trace.drifted');
        expect(diagnostics.find(d => d.code === 'allium.trace.drifted' && d.range.start.line === 8)!.message).toContain('The code at ship.ts:6 may no longer match.');
    });

    it('renames the markers and the trace record with the rule', async () => {
        const edit = await client.request<{ changes: Record<string, Array<{ range: { start: { line: number } }; newText: string }>> }>('textDocument/rename', { textDocument: { uri: specUri }, position: { line: 5, character: 8 }, newName: 'DispatchOrder' });
        expect(edit.changes[codeUri].map(e => [e.range.start.line, e.newText])).toEqual([
            [0, 'orders::rule:DispatchOrder'], [9, 'orders::rule:DispatchOrder'], [2, 'orders::rule:DispatchOrder/requires#1'], [4, 'orders::rule:DispatchOrder/requires#1'],
            [5, 'orders::rule:DispatchOrder/ensures#1'], [7, 'orders::rule:DispatchOrder/ensures#1']
        ]);
        const test = pathToFileURL(path.join(dir, 'gen/test/ship.test.ts')).href;
        expect(edit.changes[test].map(e => e.newText)).toEqual(['orders::test:rule-success.DispatchOrder', 'orders::test:rule-success.DispatchOrder']);
        const record = edit.changes[pathToFileURL(path.join(dir, 'gen/.allium/trace.json')).href][0].newText;
        expect(Object.keys(JSON.parse(record).clauses)).toEqual(['orders::rule:DispatchOrder', 'orders::rule:DispatchOrder/ensures#1', 'orders::rule:DispatchOrder/requires#1']);
        expect(edit.changes[specUri].length).toBeGreaterThan(0);
    });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const found = await probe();
        if (found !== undefined) {
            return found;
        }
        if (Date.now() > deadline) {
            throw new Error('timed out');
        }
        await new Promise(r => setTimeout(r, 100));
    }
}
