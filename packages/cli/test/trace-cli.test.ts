import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from '../../generate/test/support/fake-anthropic-server.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { runCli } from '../../../test/support/run-cli.js';
import { SHIP_ORDER_ANSWER as ANSWER, SHIP_ORDER_SPEC as SPEC } from '../../../test/support/ship-order.js';


const run = runCli;

describe('allium trace over code written by allium generate', () => {
    const server = new FakeAnthropicServer();
    const dir = tempDir('allium-trace');

    beforeAll(async () => {
        await server.start();
        writeFileSync(path.join(dir, 'orders.allium'), SPEC);
        server.script({ chunks: ANSWER });
        const generated = await run(['generate', 'orders.allium', '--rule', 'ShipOrder', '--out', 'gen'], dir, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });
        expect(generated.stderr).toContain('Trace: gen/.allium/trace.json records 3 clauses and 1 obligation.');
    });

    afterAll(() => server.stop());

    const trace = async (...extra: string[]) => {
        const result = await run(['trace', 'orders.allium', '--code', 'gen', '--json', ...extra], dir);
        return { ...result, report: JSON.parse(result.stdout) };
    };

    it('lists each clause with its code and each obligation with its test', async () => {
        const { report, status } = await trace();
        expect(status).toBe(0);
        const clause = report.clauses.find((c: { id: string }) => c.id === 'orders::rule:ShipOrder/requires#1');
        expect(clause).toMatchObject({ state: 'implemented', spec: 'orders.allium', line: 8, implementations: [{ file: path.join('gen', 'src', 'ship.ts'), line: 3, endLine: 5 }] });
        expect(clause.recordedFingerprint).toBe(clause.fingerprint);
        expect(report.clauses.find((c: { id: string }) => c.id === 'orders::rule:ShipOrder').tests).toEqual([{ file: path.join('gen', 'test', 'ship.test.ts'), line: 1, endLine: 3 }]);
        expect(report.obligations.find((o: { id: string }) => o.id === 'orders::test:rule-success.ShipOrder').state).toBe('tested');
        expect(report.clauses.find((c: { id: string }) => c.id === 'orders::entity:Order').state).toBe('unimplemented');
    });

    it('reports the clause that changed since its code was generated, and --strict fails', async () => {
        writeFileSync(path.join(dir, 'orders.allium'), SPEC.replace('ensures: order.status = shipped', 'ensures:\n        order.status = shipped\n        Shipped(order: order)'));
        const { report } = await trace();
        const states = Object.fromEntries(report.clauses.map((c: { id: string; state: string }) => [c.id, c.state]));
        expect(states['orders::rule:ShipOrder/ensures#1']).toBe('drifted');
        expect(states['orders::rule:ShipOrder/requires#1']).toBe('implemented');
        expect(states['orders::rule:ShipOrder']).toBe('drifted');
        expect(report.summary).toMatchObject({ drifted: 2 });
        expect((await trace('--strict')).status).toBe(1);
        const text = await run(['trace', 'orders.allium', '--code', 'gen'], dir);
        expect(text.stdout).toMatch(/^drifted {8}orders::rule:ShipOrder\/ensures#1 \(orders\.allium:9\): changed since its code was generated \(gen\/src\/ship\.ts:6\)$/m);
    });

    it('reports a marker naming a clause the spec no longer has', async () => {
        writeFileSync(path.join(dir, 'orders.allium'), SPEC.replace('rule ShipOrder', 'rule DispatchOrder').replace('ShipOrder(order)', 'DispatchOrder(order)'));
        const { report } = await trace();
        expect(report.unknownMarkers.map((m: { id: string }) => m.id)).toContain('orders::rule:ShipOrder');
        expect(readFileSync(path.join(dir, 'gen/src/ship.ts'), 'utf8')).toContain('// @allium-begin orders::rule:ShipOrder\n');
    });

    it('says what is wrong with its arguments', async () => {
        expect((await run(['trace', 'orders.allium'], dir)).stderr).toContain('Name the folder of the generated code with --code <dir>.');
        expect((await run(['trace', 'orders.allium', '--code', 'missing'], dir)).status).toBe(2);
    });
});
