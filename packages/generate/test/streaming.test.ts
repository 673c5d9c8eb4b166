import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, GenerationError, streamMessage, type GenerationResult, type PreviewEvent, type SpecSet } from '../src/index.js';
import { specSetOf } from '../../../test/support/spec-sets.js';
import { FakeAnthropicServer, type Script } from './support/fake-anthropic-server.js';

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
const OUTPUT = [
    '=== FILE: src/ship.ts ===\n// @allium-be',
    'gin rule:ShipOrder\nexport function ship(o) {\n',
    '  // @allium-begin rule:ShipOrder/requires#1\n  if (o.status !== "pending") throw new Error();\n  // @allium-end rule:Ship',
    'Order/requires#1\n  o.status = "shipped";\n}\n// @allium-end rule:ShipOrder\n'
];

describe('generation against a local server speaking the Messages streaming protocol', () => {
    const server = new FakeAnthropicServer();
    let set: SpecSet;

    beforeAll(async () => {
        await server.start();
        set = await specSetOf({ 'orders.allium': SPEC });
    });

    afterAll(() => server.stop());

    // One attempt per request: the retries before an answer starts are tested in stream-faults.test.ts.
    const run = (extra: { signal?: AbortSignal; onEvents?: (e: PreviewEvent[]) => void } = {}) =>
        generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model: 'claude-test', maxTokens: 1000, retry: { attempts: 1 }, ...extra });

    it('sends the prompt the way the SDK does and links every streamed region to its spec clause', async () => {
        server.script({ chunks: OUTPUT });
        const result = await run();
        const request = server.lastRequest!;
        expect(request).toMatchObject({ method: 'POST', path: '/v1/messages', body: { model: 'claude-test', max_tokens: 1000, stream: true } });
        expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
        expect(request.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(request.body.system).toContain('// @allium-begin <clause-id>');
        const [prefix, selection] = request.body.messages[0].content as unknown as Array<{ type: string; text: string; cache_control?: unknown }>;
        expect(request.body.messages).toHaveLength(1);
        expect(prefix).toMatchObject({ type: 'text', text: expect.stringContaining('requires: order.status = pending'), cache_control: { type: 'ephemeral' } });
        expect(selection).toMatchObject({ type: 'text', text: expect.stringContaining('Reserve stock before charging.') });
        expect(selection.cache_control).toBeUndefined();

        expect(result.incomplete).toBeUndefined();
        expect(result.stopReason).toBe('end_turn');
        expect(result.usage).toEqual({ inputTokens: 42, outputTokens: OUTPUT.length, cacheReadTokens: 0, cacheWriteTokens: 0 });
        expect(result.files).toEqual([{ path: 'src/ship.ts', language: 'typescript', text: 'export function ship(o) {\n  if (o.status !== "pending") throw new Error();\n  o.status = "shipped";\n}\n' }]);
        expect(result.regions.map(r => [r.clauseId, r.startLine, r.endLine, r.complete])).toEqual([['rule:ShipOrder', 0, 4, true], ['rule:ShipOrder/requires#1', 1, 2, true]]);
        const clauseById = new Map(result.clauses.map(c => [c.id, c]));
        expect(clauseById.get('orders::rule:ShipOrder/requires#1')).toMatchObject({ uri: 'memory:/orders.allium', range: { start: { line: 7 } } });
        const uncovered = result.uncovered.map(c => c.id);
        expect(uncovered).toEqual(['orders::entity:Order', 'orders::rule:ShipOrder/when', 'orders::rule:ShipOrder/ensures#1']);
        expect(result.unknownIds).toEqual([]);
    });

    it('puts each chunk into the preview model before the next one is sent', async () => {
        let delivered = 0;
        let wake: () => void = () => undefined;
        const text: string[] = [];
        const open = new Set<string>();
        const seenBeforeChunk: Array<{ text: string; open: string[] }> = [];
        server.script({
            chunks: OUTPUT,
            beforeChunk: async index => {
                while (delivered < index) {
                    await new Promise<void>(resolve => { wake = resolve; });
                }
                seenBeforeChunk.push({ text: text.join(''), open: [...open] });
            }
        });
        await run({
            onEvents: events => {
                for (const event of events) {
                    if (event.type === 'text') {
                        text.push(event.text);
                    } else if (event.type === 'region') {
                        if (event.region.complete) {
                            open.delete(event.region.clauseId);
                        } else {
                            open.add(event.region.clauseId);
                        }
                    }
                }
                delivered++;
                wake();
            }
        });
        expect(seenBeforeChunk).toEqual([
            { text: '', open: [] },
            { text: '', open: [] },
            { text: 'export function ship(o) {\n', open: ['rule:ShipOrder'] },
            { text: 'export function ship(o) {\n  if (o.status !== "pending") throw new Error();\n', open: ['rule:ShipOrder', 'rule:ShipOrder/requires#1'] }
        ]);
    });

    it('cancel closes the HTTP request on the server and keeps what was streamed, marked incomplete', async () => {
        server.script({ chunks: [...OUTPUT.slice(0, 2), ...Array(50).fill('  more();\n')], delayMs: 30 });
        const controller = new AbortController();
        let texts = 0;
        const result = await run({ signal: controller.signal, onEvents: events => { if (events.some(e => e.type === 'text') && ++texts === 3) controller.abort(); } });
        await server.clientClosed;
        const request = server.lastRequest!;
        expect(request.closedByClient).toBe(true);
        expect(request.chunksSent).toBeLessThan(10);
        expect(result.incomplete).toEqual({ kind: 'cancelled', message: 'Generation cancelled.', retryAfterSeconds: undefined });
        expect(result.files[0].text).toMatch(/^export function ship\(o\) \{\n( {2}more\(\);\n)+$/);
        expect(result.regions).toEqual([expect.objectContaining({ clauseId: 'rule:ShipOrder', complete: false })]);
    });

    const failures: Array<[string, Script, Partial<NonNullable<GenerationResult['incomplete']>>, RegExp]> = [
        ['401', { status: 401, errorType: 'authentication_error', errorMessage: 'invalid x-api-key' }, { kind: 'unauthorized' }, /rejected the API key \(401\)/],
        ['429 with retry-after', { status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '17' } }, { kind: 'rate-limited', retryAfterSeconds: 17 }, /\(429\)\. Try again in 17 s\./],
        ['429 with retry-after as a date', { status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': new Date(Date.now() + 90_000).toUTCString() } }, { kind: 'rate-limited' }, /Try again in (8\d|9\d) s\./],
        ['529 overloaded', { status: 529, errorType: 'overloaded_error' }, { kind: 'overloaded' }, /overloaded \(529\)/],
        ['an overloaded error event mid-stream', { chunks: OUTPUT, errorEventAfter: 2 }, { kind: 'stream-error' }, /error in the middle of the answer \(overloaded_error: Overloaded\); the output is partial/],
        ['a rate limit error event mid-stream', { chunks: OUTPUT, errorEventAfter: 2, errorType: 'rate_limit_error', errorMessage: 'Rate limited' }, { kind: 'stream-error' }, /\(rate_limit_error: Rate limited\)/],
        ['a network cut mid-stream', { chunks: OUTPUT, cutAfter: 2 }, { kind: 'network' }, /connection to the Anthropic API was lost before the answer was complete/],
        ['another API error', { status: 400, errorType: 'invalid_request_error', errorMessage: 'model: claude-test not found' }, { kind: 'api' }, /error \(400 invalid_request_error\): model: claude-test not found/]
    ];

    for (const [name, script, incomplete, message] of failures) {
        it(`reports ${name} clearly, keeps partial output and never shows the key`, async () => {
            server.script(script);
            const result = await run();
            expect(result.incomplete).toMatchObject(incomplete);
            expect(result.incomplete?.message).toMatch(message);
            expect(result.incomplete?.message).not.toContain(KEY);
            if (script.chunks) {
                expect(result.files[0].text).toBe('export function ship(o) {\n');
                expect(result.regions).toEqual([expect.objectContaining({ clauseId: 'rule:ShipOrder', startLine: 0, endLine: 1, complete: false })]);
            } else {
                expect(result.files).toEqual([]);
            }
        });
    }

    it('keeps the key out of errors even when a gateway echoes it', async () => {
        server.script({ status: 400, errorType: 'invalid_request_error', errorMessage: `bad header: Bearer ${KEY}` });
        const { incomplete } = await streamMessage({ apiKey: KEY, baseURL: server.url, model: 'm', maxTokens: 10, system: 's', user: 'u', onText: () => undefined });
        expect(incomplete).toBeInstanceOf(GenerationError);
        const failure = incomplete!;
        expect(failure.message).toContain('bad header: Bearer [redacted]');
        for (const text of [failure.message, String(failure), failure.stack ?? '', JSON.stringify(failure)]) {
            expect(text).not.toContain(KEY);
        }
    });

    it('says when the API cannot be reached at all', async () => {
        const gone = new FakeAnthropicServer();
        await gone.start();
        const url = gone.url;
        await gone.stop();
        const result = await generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: url });
        expect(result.incomplete).toMatchObject({ kind: 'network', message: expect.stringMatching(/Could not reach the Anthropic API/) });
    });

    it('says how to set a key when there is none, without calling the API', async () => {
        const before = server.requests.length;
        for (const apiKey of [undefined, '', '   ']) {
            const result = await generate(set, { targetLanguage: 'TypeScript', apiKey, baseURL: server.url });
            expect(result.incomplete?.kind).toBe('no-key');
            expect(result.incomplete?.message).toMatch(/Set Anthropic API key|ANTHROPIC_API_KEY/);
        }
        expect(server.requests.length).toBe(before);
    });
});
