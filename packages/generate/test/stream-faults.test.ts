import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamMessage, type StreamRequest, type StreamStatus } from '../src/index.js';
import { FakeAnthropicServer, type Script } from './support/fake-anthropic-server.js';

const KEY = 'sk-ant-test-faults';

describe('faults while streaming', () => {
    const server = new FakeAnthropicServer();

    beforeAll(() => server.start());
    afterAll(() => server.stop());

    async function run(scripts: Script[], extra: Partial<StreamRequest> = {}) {
        const before = server.requests.length;
        server.script(...scripts);
        let text = '';
        const statuses: StreamStatus[] = [];
        const started = Date.now();
        const result = await streamMessage({
            apiKey: KEY, baseURL: server.url, model: 'claude-test', maxTokens: 100, system: 's', user: 'u',
            retry: { baseDelayMs: 20 }, onText: t => { text += t; }, onStatus: s => statuses.push(s), ...extra
        });
        return { result, text, statuses, requests: server.messageRequests(before), elapsed: Date.now() - started };
    }

    it('abandons a stream that goes silent, keeping what arrived', async () => {
        const { result, text, requests, elapsed } = await run([{ chunks: ['first\n', 'second\n'], stallAfter: 1 }], { idleTimeoutSeconds: 0.3 });
        expect(result.incomplete).toMatchObject({ kind: 'idle-timeout', message: expect.stringMatching(/No data arrived from the Anthropic API for 0\.3 s/) });
        expect(text).toBe('first\n');
        expect(requests).toHaveLength(1);
        expect(elapsed).toBeLessThan(5000);
        await server.clientClosed;
        expect(requests[0].closedByClient).toBe(true);
    });

    it('abandons a request that is never answered, without retrying it', async () => {
        const { result, requests } = await run([{ stallBeforeResponse: true }], { idleTimeoutSeconds: 0.3 });
        expect(result.incomplete?.kind).toBe('idle-timeout');
        expect(requests).toHaveLength(1);
    });

    it('retries a 529 before the answer starts and reports the wait', async () => {
        const { result, text, requests, statuses } = await run([{ status: 529, errorType: 'overloaded_error' }, { chunks: ['done'] }]);
        expect(result.incomplete).toBeUndefined();
        expect(text).toBe('done');
        expect(requests).toHaveLength(2);
        expect(statuses).toEqual([expect.objectContaining({ type: 'retrying', reason: 'overloaded', waitMs: 20, attempt: 2, attempts: 4 })]);
    });

    it('honours retry-after-ms on a 429 and says so', async () => {
        const { result, requests, statuses } = await run([{ status: 429, errorType: 'rate_limit_error', headers: { 'retry-after-ms': '300' } }, { chunks: ['done'] }]);
        expect(result.incomplete).toBeUndefined();
        expect(requests[1].receivedAt - requests[0].receivedAt).toBeGreaterThanOrEqual(290);
        expect(statuses.map(s => s.message)).toEqual(['Rate limited; retrying in 0.3 s (attempt 2/4)']);
    });

    it('retries an overloaded_error event that comes before any text', async () => {
        const { result, text, requests } = await run([{ chunks: ['lost'], errorEventAfter: 0 }, { chunks: ['kept'] }]);
        expect(result.incomplete).toBeUndefined();
        expect(text).toBe('kept');
        expect(requests).toHaveLength(2);
    });

    it('gives up after the bounded number of attempts', async () => {
        const { result, requests } = await run([{ status: 529, errorType: 'overloaded_error' }], { retry: { attempts: 3, baseDelayMs: 10 } });
        expect(requests).toHaveLength(3);
        expect(result.incomplete).toMatchObject({ kind: 'overloaded', message: expect.stringMatching(/overloaded \(529\)/) });
    });

    it('does not sit out a retry-after longer than the longest wait, and reports it', async () => {
        const { result, requests, elapsed } = await run([{ status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '120' } }]);
        expect(requests).toHaveLength(1);
        expect(elapsed).toBeLessThan(5000);
        expect(result.incomplete).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 120 });
    });

    it('stops waiting to retry at once when cancelled', async () => {
        const controller = new AbortController();
        const { result, elapsed } = await run([{ status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '30' } }],
            { signal: controller.signal, onStatus: () => controller.abort() });
        expect(result.incomplete?.kind).toBe('cancelled');
        expect(elapsed).toBeLessThan(5000);
    });

    it('does not retry an error event after text arrived: the answer is cut, and says so', async () => {
        const { result, text, requests } = await run([{ chunks: ['one\n', 'two\n'], errorEventAfter: 1 }]);
        expect(requests).toHaveLength(1);
        expect(text).toBe('one\n');
        expect(result.incomplete).toMatchObject({ kind: 'stream-error', message: expect.stringMatching(/error in the middle of the answer \(overloaded_error: Overloaded\)/) });
    });

    const stops: Array<[string, Script, string, RegExp]> = [
        ['refusal', { chunks: ['partial'], stopReason: 'refusal' }, 'refused', /declined to finish this answer \(stop reason: refusal\)/],
        ['model_context_window_exceeded', { chunks: ['partial'], stopReason: 'model_context_window_exceeded' }, 'context-window-exceeded', /filled the model's context window/],
        ['stop_sequence', { chunks: ['partial'], stopReason: 'stop_sequence', stopSequence: '###' }, 'stop-sequence', /stop sequence \("###"\) that generation did not ask for/],
        ['tool_use', { chunks: ['partial'], stopReason: 'tool_use' }, 'unexpected-stop', /stop reason: tool_use/]
    ];

    for (const [stopReason, script, kind, message] of stops) {
        it(`reports the stop reason ${stopReason} as ${kind} without continuing, keeping the text`, async () => {
            const { result, text, requests } = await run([script]);
            expect(requests).toHaveLength(1);
            expect(text).toBe('partial');
            expect(result.stopReason).toBe(stopReason);
            expect(result.incomplete).toMatchObject({ kind, message: expect.stringMatching(message) });
        });
    }

    it('reports end_turn as complete', async () => {
        const { result } = await run([{ chunks: ['all'], stopReason: 'end_turn' }]);
        expect(result).toMatchObject({ stopReason: 'end_turn', rounds: 1, incomplete: undefined });
    });
});
