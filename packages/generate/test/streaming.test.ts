import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllium, type Module } from '@allium/language';
import { generate, type PreviewEvent } from '../src/index.js';
import { FakeAnthropicServer } from './support/fake-anthropic-server.js';

const SPEC = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped

    @guidance
        -- Reserve stock before charging.
}
`;

const KEY = 'sk-ant-test-key-never-shown';
const OUTPUT = ['=== FILE: src/ship.ts ===\n// @allium-be', 'gin rule:ShipOrder\nexport function ship(o) {\n', '  // @allium-begin rule:ShipOrder/requires#1\n  if (o.status !== "pending") throw new Error();\n  // @allium-end rule:Ship', 'Order/requires#1\n  o.status = "shipped";\n}\n// @allium-end rule:ShipOrder\n'];

describe('generation against a local server speaking the Messages streaming protocol', () => {
    const server = new FakeAnthropicServer();
    let module: Module;

    beforeAll(async () => {
        await server.start();
        module = (await parseAllium(SPEC)).document.parseResult.value;
    });

    afterAll(() => server.stop());

    const run = (extra: { signal?: AbortSignal; onEvents?: (e: PreviewEvent[]) => void } = {}) =>
        generate(module, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model: 'claude-test', maxTokens: 1000, ...extra });

    it('streams chunks into the preview model as they arrive and links every region to its spec clause', async () => {
        server.script({ chunks: OUTPUT, delayMs: 20 });
        const seen: PreviewEvent[][] = [];
        const result = await run({ onEvents: events => seen.push(events) });
        expect(server.requests[server.requests.length - 1]).toMatchObject({ path: '/v1/messages', body: { model: 'claude-test', max_tokens: 1000, stream: true } });
        expect(server.requests[server.requests.length - 1].headers.authorization).toBe(`Bearer ${KEY}`);
        expect(seen.length).toBeGreaterThanOrEqual(OUTPUT.length);
        expect(result.incomplete).toBeUndefined();
        expect(result.usage).toEqual({ inputTokens: 42, outputTokens: OUTPUT.length });
        expect(result.files).toHaveLength(1);
        expect(result.files[0].text).toBe('export function ship(o) {\n  if (o.status !== "pending") throw new Error();\n  o.status = "shipped";\n}\n');
        const clauseById = new Map(result.clauses.map(c => [c.id, c]));
        for (const region of result.regions) {
            const clause = clauseById.get(region.clauseId);
            expect(clause, region.clauseId).toBeDefined();
            expect(region.complete).toBe(true);
        }
        expect(clauseById.get('rule:ShipOrder/requires#1')!.range.start.line).toBe(7);
        expect(clauseById.get('rule:ShipOrder/requires#1')!.text).toBe('requires: order.status = pending');
        const uncovered = result.uncovered.map(c => c.id);
        expect(uncovered).toContain('rule:ShipOrder/when');
        expect(uncovered).toContain('rule:ShipOrder/ensures#1');
        expect(uncovered).not.toContain('rule:ShipOrder');
        expect(uncovered).not.toContain('rule:ShipOrder/requires#1');
    });

    it('delivers text before the stream ends', async () => {
        server.script({ chunks: OUTPUT, delayMs: 150 });
        const arrivals: number[] = [];
        const start = Date.now();
        await run({ onEvents: events => events.some(e => e.type === 'text') && arrivals.push(Date.now() - start) });
        expect(arrivals.length).toBeGreaterThan(1);
        expect(arrivals[0]).toBeLessThan(arrivals[arrivals.length - 1] - 200);
    });

    it('cancel aborts the HTTP request and keeps what was streamed', async () => {
        server.script({ chunks: [...OUTPUT, ...Array(50).fill('  more();\n')], delayMs: 40 });
        const controller = new AbortController();
        let texts = 0;
        const result = await run({ signal: controller.signal, onEvents: events => { if (events.some(e => e.type === 'text') && ++texts === 2) controller.abort(); } });
        await server.clientClosed;
        expect(result.incomplete?.kind).toBe('cancelled');
        expect(result.files[0].text).toContain('export function ship(o) {');
        expect(result.files[0].text.split('more();').length - 1).toBeLessThan(40);
        expect('x').not.toContain('more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();\n  more();');
    });

    const failures: Array<[string, Parameters<FakeAnthropicServer['script']>[0], string, RegExp]> = [
        ['401', { status: 401, errorType: 'authentication_error' }, 'unauthorized', /rejected the API key/],
        ['429 with retry-after', { status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '17' } }, 'rate-limited', /Try again in 17 s/],
        ['529 overloaded', { status: 529, errorType: 'overloaded_error' }, 'overloaded', /overloaded/],
        ['an overloaded error event mid-stream', { chunks: OUTPUT, errorEventAfter: 2 }, 'overloaded', /overloaded/],
        ['a network cut mid-stream', { chunks: OUTPUT, cutAfter: 2 }, 'network', /connection .* was lost/],
        ['a max_tokens stop', { chunks: OUTPUT.slice(0, 2), stopReason: 'max_tokens' }, 'max-tokens', /max tokens/]
    ];

    for (const [name, script, kind, message] of failures) {
        it(`reports ${name} clearly, keeps partial output and never shows the key`, async () => {
            server.script(script);
            const result = await run();
            expect(result.incomplete?.kind).toBe(kind);
            expect(result.incomplete?.message).toMatch(message);
            expect(result.incomplete?.message).not.toContain(KEY);
            if (script.chunks) {
                expect(result.files[0]?.text ?? '').toContain('export function ship(o) {');
            }
        });
    }

    it('says how to set a key when there is none, without calling the API', async () => {
        const before = server.requests.length;
        const result = await generate(module, { targetLanguage: 'TypeScript', apiKey: undefined, baseURL: server.url });
        expect(result.incomplete?.kind).toBe('no-key');
        expect(result.incomplete?.message).toMatch(/Set Anthropic API key|ANTHROPIC_API_KEY/);
        expect(server.requests.length).toBe(before);
    });
});
