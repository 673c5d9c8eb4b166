import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrompt, runGeneration, type SpecSet } from '../src/index.js';
import { specSetOf } from '../../../test/support/spec-sets.js';
import { FakeAnthropicServer } from './support/fake-anthropic-server.js';

const SPEC = `-- allium: 3
entity Order {
    status: pending | shipped | delivered
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped
}

rule DeliverOrder {
    when: DeliverOrder(order)
    requires: order.status = shipped
    ensures: order.status = delivered
}
`;

type Block = { type: string; text: string; cache_control?: unknown };

describe('a generation run against the local Messages server', () => {
    const server = new FakeAnthropicServer();
    let set: SpecSet;
    const run = (rule: string) => runGeneration(buildPrompt(set, { targetLanguage: 'TypeScript', selection: [`rule:${rule}`] }), { apiKey: 'sk-test', baseURL: server.url, model: 'claude-test' });

    beforeAll(async () => {
        await server.start();
        set = await specSetOf({ 'orders.allium': SPEC });
    });

    afterAll(() => server.stop());

    it('sends the system prompt and the spec of two different rules byte for byte alike, the prefix behind a cache breakpoint', async () => {
        server.script({ chunks: ['=== FILE: a.ts ===\n', 'a();\n'] });
        await run('ShipOrder');
        const first = server.lastRequest!.body;
        server.script({ chunks: ['=== FILE: b.ts ===\n', 'b();\n'] });
        await run('DeliverOrder');
        const second = server.lastRequest!.body;
        const [firstPrefix, firstTask] = first.messages[0].content as unknown as Block[];
        const [secondPrefix, secondTask] = second.messages[0].content as unknown as Block[];
        expect(second.system).toBe(first.system);
        expect(JSON.stringify(secondPrefix)).toBe(JSON.stringify(firstPrefix));
        expect(firstPrefix.cache_control).toEqual({ type: 'ephemeral' });
        expect(firstTask.text).toContain('Implement rule ShipOrder (orders).');
        expect(secondTask.text).toContain('Implement rule DeliverOrder (orders).');
        expect(secondTask.cache_control).toBeUndefined();
    });

    it('counts clauses implemented and obligations tested separately, and reports ids the request did not list', async () => {
        server.script({ chunks: [
            '=== FILE: src/ship.ts ===\n// @allium-begin orders::rule:ShipOrder\nexport function ship(o) {\n',
            '  // @allium-begin rule:ShipOrder/requires#1\n  check(o);\n  // @allium-end rule:ShipOrder/requires#1\n}\n// @allium-end orders::rule:ShipOrder\n',
            '=== FILE: test/ship.test.ts ===\n// @allium-begin test:rule-success.ShipOrder\nit("ships", () => ship(order));\n// @allium-end test:rule-success.ShipOrder\n',
            '// @allium-begin rule:ShipOrder/invented#1\nextra();\n// @allium-end rule:ShipOrder/invented#1\n'
        ] });
        const result = await run('ShipOrder');
        expect(result.incomplete).toBeUndefined();
        expect(result.uncovered.map(c => c.id)).toEqual(['orders::rule:ShipOrder/when', 'orders::rule:ShipOrder/ensures#1']);
        expect(result.obligations.map(o => o.id)).toContain('orders::test:rule-success.ShipOrder');
        expect(result.obligations.every(o => o.owner === 'orders::rule:ShipOrder')).toBe(true);
        expect(result.untested.map(o => o.id)).not.toContain('orders::test:rule-success.ShipOrder');
        expect(result.untested.length).toBe(result.obligations.length - 1);
        expect(result.unknownIds).toEqual(['rule:ShipOrder/invented#1']);
    });
});
