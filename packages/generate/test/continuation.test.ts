import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTINUE_INSTRUCTION, generate, streamMessage, type StreamStatus, type SpecSet } from '../src/index.js';
import { ContinuedAnswer } from '../src/continued-answer.js';
import { specSetOf } from '../../../test/support/spec-sets.js';
import { FakeAnthropicServer } from './support/fake-anthropic-server.js';

const SPEC = `-- allium: 3
rule ShipOrder {
    when: ShipOrder(order)
    ensures: order.status = shipped
}
`;
const KEY = 'sk-ant-test-continuation';
/** An answer cut by max_tokens in the middle of a line, with a trailing space the API would reject in a prefill. */
const FIRST = ['=== FILE: src/ship.ts ===\n// @allium-begin rule:ShipOrder\n', 'export function ship(o) {\n  o.status = '];
const REST = [' "shipped";\n}\n', '// @allium-end rule:ShipOrder\n'];
const WHOLE = 'export function ship(o) {\n  o.status = "shipped";\n}\n';

describe('an answer continued over several requests', () => {
    const server = new FakeAnthropicServer();
    let set: SpecSet;

    beforeAll(async () => {
        await server.start();
        set = await specSetOf({ 'orders.allium': SPEC });
    });

    afterAll(() => server.stop());

    const run = (extra: { maxRounds?: number; onStatus?: (s: StreamStatus) => void } = {}) =>
        generate(set, { targetLanguage: 'TypeScript', apiKey: KEY, baseURL: server.url, model: 'claude-test', maxTokens: 50, ...extra });

    it('cut at max_tokens then finished on the next request gives one complete file from two requests', async () => {
        server.rejectPrefill = false;
        const before = server.requests.length;
        server.script({ chunks: FIRST, stopReason: 'max_tokens', usage: { input: 40, output: 50 } }, { chunks: REST, usage: { input: 60, output: 7 } });
        const statuses: StreamStatus[] = [];
        const result = await run({ onStatus: s => statuses.push(s) });
        const requests = server.messageRequests(before);
        expect(requests).toHaveLength(2);
        expect(requests[0].body.messages).toHaveLength(1);
        const [user, assistant] = requests[1].body.messages;
        expect(user).toEqual(requests[0].body.messages[0]);
        expect(assistant).toEqual({ role: 'assistant', content: FIRST.join('').trimEnd() });
        expect(result.incomplete).toBeUndefined();
        expect(result.rounds).toBe(2);
        expect(result.files).toEqual([{ path: 'src/ship.ts', language: 'typescript', text: WHOLE }]);
        expect(result.regions).toEqual([expect.objectContaining({ clauseId: 'rule:ShipOrder', startLine: 0, endLine: 3, complete: true })]);
        expect(result.usage).toEqual({ inputTokens: 100, outputTokens: 57, cacheReadTokens: 0, cacheWriteTokens: 0 });
        expect(statuses.filter(s => s.type === 'continuing')).toEqual([expect.objectContaining({ stopReason: 'max_tokens', round: 2, maxRounds: 4 })]);
    });

    it('stops with a clear result when the answer is still incomplete after the last round', async () => {
        const before = server.requests.length;
        server.script({ chunks: ['=== FILE: a.ts ===\n', 'line();\n'], stopReason: 'max_tokens' });
        const result = await run({ maxRounds: 3 });
        expect(server.messageRequests(before)).toHaveLength(3);
        expect(result.incomplete).toMatchObject({ kind: 'max-tokens', message: expect.stringMatching(/still incomplete after 3 rounds of up to 50 output tokens each/) });
        expect(result.files[0].text).toBe('line();\nline();\nline();\n');
        expect(result.cutFile).toBe('a.ts');
    });

    it('continues a paused turn the same way', async () => {
        const before = server.requests.length;
        server.script({ chunks: FIRST, stopReason: 'pause_turn' }, { chunks: REST });
        const result = await run();
        const requests = server.messageRequests(before);
        expect(requests.map(r => r.body.messages.map(m => m.role))).toEqual([['user'], ['user', 'assistant']]);
        expect(result.incomplete).toBeUndefined();
        expect(result.files[0].text).toBe(WHOLE);
    });

    it('asks for the rest in a user turn when the model does not accept a prefilled answer', async () => {
        server.rejectPrefill = true;
        const before = server.requests.length;
        server.script({ chunks: FIRST, stopReason: 'max_tokens' }, { chunks: REST });
        const result = await run();
        server.rejectPrefill = false;
        const requests = server.messageRequests(before);
        expect(requests.map(r => r.body.messages.map(m => m.role))).toEqual([['user'], ['user', 'assistant'], ['user', 'assistant', 'user']]);
        expect(requests[2].body.messages[2].content).toBe(CONTINUE_INSTRUCTION);
        expect(result.incomplete).toBeUndefined();
        expect(result.rounds).toBe(2);
        expect(result.files[0].text).toBe(WHOLE);
    });

    it('passes system and user text blocks, cache_control included, through unchanged', async () => {
        server.script({ chunks: ['ok'] });
        const system = [{ type: 'text' as const, text: 'You write code.' }];
        const user = [{ type: 'text' as const, text: 'The spec.', cache_control: { type: 'ephemeral' as const } }, { type: 'text' as const, text: 'Implement rule:A.' }];
        const result = await streamMessage({ apiKey: KEY, baseURL: server.url, model: 'claude-test', system, user, onText: () => undefined });
        expect(result.incomplete).toBeUndefined();
        expect(server.lastRequest!.body.system).toEqual(system);
        expect(server.lastRequest!.body.messages).toEqual([{ role: 'user', content: user }]);
    });
});

describe('joining a continuation to the answer so far', () => {
    const join = (first: string, ...continuation: string[]) => {
        let text = '';
        const answer = new ContinuedAnswer(t => { text += t; });
        answer.push(first);
        answer.endRequest();
        answer.beginContinuation();
        continuation.forEach(chunk => answer.push(chunk));
        answer.endRequest();
        return { text, prefill: answer.messages('u', true)[1]?.content };
    };

    it('drops the white space the trimmed prefill left out when the continuation repeats it, even split over chunks', () => {
        expect(join('a = \n', '\n', '    b')).toEqual({ text: 'a = \n    b', prefill: 'a = \n    b'.trimEnd() });
        expect(join('line\n', '\nnext\n').text).toBe('line\nnext\n');
        expect(join('line\n', 'next\n').text).toBe('line\nnext\n');
        expect(join('x =', ' 1').text).toBe('x = 1');
        expect(join('end\n', '\n').text).toBe('end\n');
        expect(join('end\n\n', '\nmore').text).toBe('end\n\nmore');
    });
});
