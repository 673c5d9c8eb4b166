import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from '../../generate/test/support/fake-anthropic-server.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');
const SPEC = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped
}

rule Other {
    when: Other(order)
    ensures: Done()
}
`;

function run(args: string[], env: Record<string, string>, cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => { stdout += d; });
        child.stderr.on('data', d => { stderr += d; });
        child.on('close', status => resolve({ status, stdout, stderr }));
    });
}

describe('allium generate', () => {
    const server = new FakeAnthropicServer();
    const dir = tempDir('allium-gen');

    beforeAll(async () => {
        await server.start();
        writeFileSync(path.join(dir, 'orders.allium'), SPEC);
    });

    afterAll(() => server.stop());

    it('--dry-run prints the prompt for the selected rule without calling the API', async () => {
        const before = server.requests.length;
        const result = await run(['generate', 'orders.allium', '--rule', 'ShipOrder', '--lang', 'kotlin', '--dry-run'], {}, dir);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('production-quality Kotlin code');
        expect(result.stdout).toContain('rule:ShipOrder/requires#1');
        expect(result.stdout).not.toContain('rule:Other');
        expect(server.requests.length).toBe(before);
    });

    it('streams code to stdout, writes files only under --out and reports clause coverage', async () => {
        server.script({ chunks: ['=== FILE: src/Ship.kt ===\n// @allium-begin rule:ShipOrder/requires#1\nrequire(order.status == PENDING)\n', '// @allium-end rule:ShipOrder/requires#1\n=== FILE: ../escape.kt ===\nbad()\n'] });
        const result = await run(['generate', 'orders.allium', '--rule', 'ShipOrder', '--lang', 'kotlin', '--out', 'out'],
            { ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url }, dir);
        expect(result.stdout).toContain('require(order.status == PENDING)');
        expect(readFileSync(path.join(dir, 'out/src/Ship.kt'), 'utf8')).toBe('require(order.status == PENDING)\n');
        expect(existsSync(path.join(dir, 'escape.kt'))).toBe(false);
        expect(result.stderr).toMatch(/Skipped \.\.\/escape\.kt/);
        expect(result.stderr).toMatch(/Clause coverage: 1\/4 clauses linked/);
        expect(result.stderr).toContain('not covered: orders::rule:ShipOrder/ensures#1 (line 9)');
        expect(result.stderr).not.toContain('sk-test');
        expect(result.status).toBe(0);
    });

    it('exits 2 with advice when no API key is set', async () => {
        const result = await run(['generate', 'orders.allium'], { ANTHROPIC_BASE_URL: server.url }, dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/ANTHROPIC_API_KEY/);
    });
});
