import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAnthropicServer } from '../../packages/generate/test/support/fake-anthropic-server.js';
import { runBounded } from '../support/cpu-bound.js';
import { tempDir } from '../support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../out/cli/allium.cjs');
const SPEC = '-- allium: 3\nentity Order {\n    status: pending | shipped\n}\n\nrule ShipOrder {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n';
const LONG = `${'x'.repeat(300)}.kt`;

/** An answer whose file markers name every path the file system refuses, between two good files. */
const HOSTILE = [
    '=== FILE: src/First.kt ===\n// @allium-begin rule:ShipOrder/requires#1\nrequire(order.status == PENDING)\n// @allium-end rule:ShipOrder/requires#1\n',
    '=== FILE: nul\0.kt ===\nval a = 1\n',
    '=== FILE: . ===\nval b = 2\n',
    '=== FILE: lib ===\nval c = 3\n',
    '=== FILE: lib/inner.kt ===\nval d = 4\n',
    `=== FILE: ${LONG} ===\nval e = 5\n`,
    '=== FILE: src/Last.kt ===\n// @allium-begin rule:ShipOrder/ensures#1\norder.status = SHIPPED\n// @allium-end rule:ShipOrder/ensures#1\n'
];

describe('generation output paths from a hostile answer', { timeout: 600_000 }, () => {
    const server = new FakeAnthropicServer();
    const dir = tempDir('allium-gen-paths');
    beforeAll(async () => {
        await server.start();
        writeFileSync(path.join(dir, 'orders.allium'), SPEC);
    });
    afterAll(() => server.stop());

    const env = () => ({ PATH: process.env.PATH ?? '', ANTHROPIC_API_KEY: 'sk-test', ANTHROPIC_BASE_URL: server.url });

    it('skips each bad path with a message naming it, writes every other file and prints the summary', async () => {
        server.script({ chunks: HOSTILE });
        const result = await runBounded(process.execPath, [CLI, 'generate', 'orders.allium', '--lang', 'kotlin', '--out', 'out'], { cwd: dir, env: env(), cpuMs: 20_000 });
        expect(result.timedOut).toBe(false);
        expect(result.stderr).not.toMatch(/at .*\.cjs:\d+|ENAMETOOLONG|EISDIR|ENOTDIR|ERR_INVALID_ARG/);
        expect(readFileSync(path.join(dir, 'out/src/First.kt'), 'utf8')).toContain('require(order.status == PENDING)');
        expect(readFileSync(path.join(dir, 'out/src/Last.kt'), 'utf8')).toContain('order.status = SHIPPED');
        expect(readFileSync(path.join(dir, 'out/lib'), 'utf8')).toBe('val c = 3\n');
        expect(existsSync(path.join(dir, 'out', LONG))).toBe(false);
        for (const skipped of ['nul', 'Skipped .', 'lib/inner.kt', LONG]) {
            expect(result.stderr).toContain(skipped);
        }
        // The summary prints whatever was skipped: both clauses written are linked.
        expect(result.stderr).toMatch(/Clause coverage: 2\/\d+ clauses linked/);
        // Files were skipped: the output is not all written.
        expect(result.status).toBe(1);
    });

    it('refuses --out naming an existing file before any request is sent', async () => {
        writeFileSync(path.join(dir, 'taken'), 'mine');
        const before = server.requests.length;
        const result = await runBounded(process.execPath, [CLI, 'generate', 'orders.allium', '--out', 'taken'], { cwd: dir, env: env(), cpuMs: 20_000 });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('--out taken is a file, not a folder.');
        expect(server.requests.length).toBe(before);
        expect(readFileSync(path.join(dir, 'taken'), 'utf8')).toBe('mine');
    });
});
