import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from '../../generate/test/support/fake-anthropic-server.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { runCli } from '../../../test/support/run-cli.js';

const CORE = '-- allium: 3\nentity Order {\n    status: pending | shipped\n}\n';
const SHIPPING = '-- allium: 3\nuse "./core.allium" as core\n\nrule ShipOrder {\n    when: ShipOrder(order: core/Order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n';
type Block = { text: string; cache_control?: unknown };

describe('allium generate --by-module', () => {
    const server = new FakeAnthropicServer();
    const dir = tempDir('allium-gen-modules');

    beforeAll(async () => {
        await server.start();
        writeFileSync(path.join(dir, 'core.allium'), CORE);
        writeFileSync(path.join(dir, 'shipping.allium'), SHIPPING);
    });

    afterAll(() => server.stop());

    it('generates a set module by module in import order, each request with the same cached spec and the API of the modules before', async () => {
        const before = server.messageRequests().length;
        server.script(
            { chunks: ['=== FILE: src/order.ts ===\n// @allium-begin core::entity:Order\nexport type Order = { status: "pending" | "shipped" };\n// @allium-end core::entity:Order\n'] },
            { chunks: ['=== FILE: src/ship.ts ===\n// @allium-begin shipping::rule:ShipOrder\nexport function shipOrder(order: Order) { order.status = "shipped"; }\n// @allium-end shipping::rule:ShipOrder\n'] }
        );
        const result = await runCli(['generate', '.', '--by-module', '--out', 'gen'], dir, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });
        expect(result.stderr).toContain('Module 1/2: core');
        expect(result.stderr).toContain('Module 2/2: shipping');
        const requests = server.messageRequests(before);
        expect(requests).toHaveLength(2);
        const [first, second] = requests.map(r => r.body.messages[0].content as unknown as Block[]);
        expect(second[0].text).toBe(first[0].text);
        expect(first[0].cache_control).toEqual({ type: 'ephemeral' });
        expect(first[1].text).toContain('Implement every declaration of module `core`.');
        expect(first[1].text).not.toContain('Already generated');
        expect(second[1].text).toContain('Implement every declaration of module `shipping`.');
        expect(second[1].text).toContain('## Already generated (use it; do not write these files again)');
        expect(second[1].text).toContain('src/order.ts:\n    export type Order = { status: "pending" | "shipped" };');
        expect(readFileSync(path.join(dir, 'gen/src/order.ts'), 'utf8')).toContain('// @allium-begin core::entity:Order');
        expect(existsSync(path.join(dir, 'gen/src/ship.ts'))).toBe(true);
        expect(result.stderr).toMatch(/Clause coverage: 2\/\d+ clauses linked/);
        expect(result.status).toBe(0);
    });

    it('stops after the module whose answer failed and keeps what came before', async () => {
        server.script({ chunks: ['=== FILE: src/a.ts ===\nexport const a = 1;\n'] }, { status: 529, errorType: 'overloaded_error' });
        const result = await runCli(['generate', '.', '--by-module', '--out', 'gen2'], dir, { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });
        expect(existsSync(path.join(dir, 'gen2/src/a.ts'))).toBe(true);
        expect(result.stderr).toContain('Incomplete:');
        expect(result.status).toBe(1);
    });

    it('takes no declaration selection', async () => {
        const result = await runCli(['generate', '.', '--by-module', '--rule', 'ShipOrder', '--dry-run'], dir);
        expect(result.stderr).toContain('--by-module generates whole modules');
        expect(result.status).toBe(2);
    });
});
