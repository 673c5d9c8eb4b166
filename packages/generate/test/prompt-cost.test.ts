import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costOf, defaultMaxTokens, describePromptSize, estimateTokens, generate, measurePrompt, type StreamStatus, type SpecSet } from '../src/index.js';
import { specSetOf } from '../../../test/support/spec-sets.js';
import { FakeAnthropicServer } from './support/fake-anthropic-server.js';

const SPEC = `-- allium: 3
rule ShipOrder {
    when: ShipOrder(order)
    ensures: order.status = shipped
}
`;
const KEY = 'sk-ant-test-cost';

describe('prompt size and cost', () => {
    const server = new FakeAnthropicServer();
    let set: SpecSet;

    beforeAll(async () => {
        await server.start();
        set = await specSetOf({ 'orders.allium': SPEC });
    });

    afterAll(() => server.stop());

    it('counts the input tokens with the API before sending the prompt, and prices input and answer', async () => {
        const before = server.requests.length;
        server.countTokens = 1234;
        server.script({ chunks: ['=== FILE: a.ts ===\n', 'a();\n'], usage: { input: 1000, output: 500, cacheRead: 2000, cacheWrite: 3000 } });
        const statuses: StreamStatus[] = [];
        const result = await generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model: 'claude-sonnet-5-5', onStatus: s => statuses.push(s) });
        const requests = server.requests.slice(before);
        expect(requests.map(r => r.path)).toEqual(['/v1/messages/count_tokens', '/v1/messages']);
        const [count, message] = requests;
        expect(count.body).toEqual({ model: 'claude-sonnet-5-5', system: message.body.system, messages: message.body.messages });
        expect(count.headers.authorization).toBe(`Bearer ${KEY}`);

        expect(result.promptSize).toMatchObject({ inputTokens: 1234, counted: true, inputCost: 1234 * 2 / 1e6 });
        expect(statuses[0]).toMatchObject({ type: 'prompt-size', message: expect.stringMatching(/^Prompt: 1,234 input tokens \(counted by the API\), about \$0\.0025 on claude-sonnet-5-5/) });
        expect(result.usage).toEqual({ inputTokens: 1000, outputTokens: 500, cacheReadTokens: 2000, cacheWriteTokens: 3000 });
        // $2 input, $10 output, $2.50 cache write, $0.10 cache read per MTok.
        expect(result.cost).toBeCloseTo((1000 * 2 + 500 * 10 + 3000 * 2.5 + 2000 * 0.1) / 1e6, 10);
        server.countTokens = undefined;
    });

    it('asks for the default output budget of the model unless told otherwise', async () => {
        const budgets: number[] = [];
        for (const model of ['claude-sonnet-5-5', 'claude-haiku-4-5-20251001', 'some-gateway-model']) {
            server.script({ chunks: ['x'] });
            await generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model });
            budgets.push(server.lastRequest!.body.max_tokens);
        }
        expect(budgets).toEqual([32_000, 16_000, 8192]);
        expect(defaultMaxTokens('claude-opus-5-5')).toBe(32_000);
        server.script({ chunks: ['x'] });
        await generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model: 'claude-sonnet-5-5', maxTokens: 777 });
        expect(server.lastRequest!.body.max_tokens).toBe(777);
    });

    it('estimates the size offline, labelled as an estimate, when counting is not possible', async () => {
        const gone = new FakeAnthropicServer();
        await gone.start();
        const url = gone.url;
        await gone.stop();
        const system = 'x'.repeat(400);
        const user = [{ type: 'text' as const, text: 'y'.repeat(400) }];
        const size = await measurePrompt({ apiKey: KEY, baseURL: url, model: 'claude-sonnet-5-5', system, user });
        expect(size).toMatchObject({ inputTokens: 200, counted: false, countError: expect.any(String) });
        expect(estimateTokens(system, user)).toBe(200);
        expect(describePromptSize(size, 'claude-sonnet-5-5')).toMatch(/^Prompt: about 200 input tokens \(estimate: characters \/ 4; counting failed/);
        const offline = await measurePrompt({ apiKey: undefined, model: 'claude-sonnet-5-5', system, user });
        expect(offline).toMatchObject({ inputTokens: 200, counted: false, countError: undefined });
    });

    it('prices per request, with long-prompt rates, overrides, and no guess for unknown models', () => {
        const usage = (inputTokens: number, outputTokens = 0) => ({ inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 });
        expect(costOf('claude-haiku-5-5', [usage(100_000, 1000)])).toBeCloseTo((100_000 * 0.1 + 1000 * 0.5) / 1e6, 10);
        expect(costOf('claude-haiku-5-5', [usage(100_001, 1000)])).toBeCloseTo((100_001 * 0.5 + 1000 * 2.5) / 1e6, 10);
        expect(costOf('claude-opus-5-5', [usage(1e6), usage(0, 1e6)])).toBe(24);
        expect(costOf('gateway-model', [usage(1e6)])).toBeUndefined();
        expect(costOf('gateway-model', [usage(1e6)], { 'gateway-model': { input: 1, output: 2, cacheWrite: 0, cacheRead: 0 } })).toBe(1);
        expect(costOf('claude-sonnet-5-5', [usage(1e6)], { 'claude-sonnet-5-5': { input: 3 } })).toBe(3);
    });
});
