import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Runs the CLI; `onStdout` sees the output so far and may signal the process (Ctrl-C). */
function run(args: string[], env: Record<string, string>, cwd: string, onStdout?: (stdout: string, child: ChildProcess) => void): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => {
            stdout += d;
            onStdout?.(stdout, child);
        });
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
        expect(readFileSync(path.join(dir, 'out/src/Ship.kt'), 'utf8')).toBe('// @allium-begin orders::rule:ShipOrder/requires#1\nrequire(order.status == PENDING)\n// @allium-end orders::rule:ShipOrder/requires#1\n');
        const trace = JSON.parse(readFileSync(path.join(dir, 'out/.allium/trace.json'), 'utf8'));
        expect(trace.version).toBe(1);
        expect(trace.clauses['orders::rule:ShipOrder/requires#1']).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{13}$/), files: ['src/Ship.kt'], generatedAt: expect.any(String) });
        expect(Object.keys(trace.clauses)).toEqual(['orders::rule:ShipOrder/requires#1']);
        expect(existsSync(path.join(dir, 'escape.kt'))).toBe(false);
        expect(result.stderr).toMatch(/Skipped \.\.\/escape\.kt/);
        expect(result.stderr).toMatch(/Clause coverage: 1\/4 clauses linked/);
        expect(result.stderr).toContain('not covered: orders::rule:ShipOrder/ensures#1 (line 9)');
        expect(result.stderr).not.toContain('sk-test');
        // A skipped file means the output is not all written.
        expect(result.status).toBe(1);
    });

    const env = () => ({ ANTHROPIC_API_KEY: 'sk-ant-cli-secret', ANTHROPIC_BASE_URL: server.url });

    it('--dry-run with a key prints the counted prompt size and cost, and generates nothing', async () => {
        const before = server.requests.length;
        server.countTokens = 2500;
        const result = await run(['generate', 'orders.allium', '--dry-run'], env(), dir);
        server.countTokens = undefined;
        expect(result.status).toBe(0);
        expect(server.requests.slice(before).map(r => r.path)).toEqual(['/v1/messages/count_tokens']);
        expect(result.stderr).toMatch(/^Prompt: 2,500 input tokens \(counted by the API\), about \$0\.0050 on claude-sonnet-5-5; up to \$0\.3250 if the answer uses all 32,000 output tokens/m);
        const offline = await run(['generate', 'orders.allium', '--dry-run', '--model', 'claude-opus-5-5'], {}, dir);
        expect(offline.stderr).toMatch(/^Prompt: about [\d,]+ input tokens \(estimate: characters \/ 4\), about \$0\.\d{4} on claude-opus-5-5/m);
        expect(result.stderr + offline.stderr).not.toContain('sk-ant-cli-secret');
    });

    it('counts tokens before sending and prints tokens, cost, notes and assumptions to stderr', async () => {
        const before = server.requests.length;
        server.script({ chunks: ['Here is the code.\nASSUMPTION: shipping is free\n', '=== FILE: src/Ship.kt ===\nfun ship() = Unit\n'], usage: { input: 1000, output: 200, cacheRead: 0, cacheWrite: 0 } });
        const result = await run(['generate', 'orders.allium', '--lang', 'kotlin', '--out', 'notes-out'], env(), dir);
        expect(server.requests.slice(before).map(r => r.path)).toEqual(['/v1/messages/count_tokens', '/v1/messages']);
        expect(result.status).toBe(0);
        expect(result.stderr).toMatch(/^Prompt: [\d,]+ input tokens \(counted by the API\)/m);
        expect(result.stderr).toContain('Tokens: 1000 in, 200 out, 0 cache read, 0 cache write over 1 request; cost $0.0040 on claude-sonnet-5-5.');
        expect(result.stderr).toMatch(/Notes from the model \(not written to any file\):\n {2}Here is the code\./);
        expect(result.stderr).toContain('Assumptions the model made (review them against the open questions):\n  - shipping is free');
        expect(result.stdout).not.toContain('Here is the code.');
        expect(readFileSync(path.join(dir, 'notes-out/src/Ship.kt'), 'utf8')).toBe('fun ship() = Unit\n');
        expect(result.stderr).not.toContain('sk-ant-cli-secret');
    });

    it('continues an answer cut at --max-tokens and reports retries', async () => {
        const before = server.requests.length;
        server.script({ status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '1' } },
            { chunks: ['=== FILE: src/Long.kt ===\nval a = ', '1\n'], stopReason: 'max_tokens' }, { chunks: ['val b = 2\n'] });
        const result = await run(['generate', 'orders.allium', '--out', 'long-out', '--max-tokens', '64', '--max-rounds', '2'], env(), dir);
        expect(result.stderr).toContain('Rate limited; retrying in 1 s (attempt 2/4)');
        expect(result.stderr).toContain('The answer reached the output limit; continuing it (round 2/2)');
        const messages = server.messageRequests(before);
        expect(messages.map(r => r.body.max_tokens)).toEqual([64, 64, 64]);
        expect(readFileSync(path.join(dir, 'long-out/src/Long.kt'), 'utf8')).toBe('val a = 1\nval b = 2\n');
        expect(result.status).toBe(0);
    });

    it('never writes prose outside file blocks as a file, nor over an existing file without --force', async () => {
        mkdirSync(path.join(dir, 'kept'), { recursive: true });
        writeFileSync(path.join(dir, 'kept/Ship.kt'), 'mine\n');
        server.script({ chunks: ['I will write two files.\n\n```kotlin\n=== FILE: Ship.kt ===\nfun a() = 1\n```\n\nThat is all.\n'] });
        const result = await run(['generate', 'orders.allium', '--out', 'kept'], env(), dir);
        expect(readFileSync(path.join(dir, 'kept/Ship.kt'), 'utf8')).toBe('mine\n');
        expect(result.stderr).toContain('Skipped Ship.kt: the file exists (pass --force to overwrite it).');
        expect(result.stderr).toContain('0 files written under kept, 1 skipped.');
        expect(result.stderr).toMatch(/I will write two files\.\n\n {2}That is all\./);
        expect(result.status).toBe(1);
        const forced = await run(['generate', 'orders.allium', '--out', 'kept', '--force'], env(), dir);
        expect(forced.status).toBe(0);
        expect(readFileSync(path.join(dir, 'kept/Ship.kt'), 'utf8')).toBe('fun a() = 1\n');
        const { readdirSync } = await import('node:fs');
        expect(readdirSync(path.join(dir, 'kept'))).toEqual(['Ship.kt']);
    });

    it('refuses a file a symbolic link under --out leads outside of it', async () => {
        mkdirSync(path.join(dir, 'linked'), { recursive: true });
        mkdirSync(path.join(dir, 'victim'), { recursive: true });
        symlinkSync(path.join(dir, 'victim'), path.join(dir, 'linked/src'));
        server.script({ chunks: ['=== FILE: src/Evil.kt ===\nbad()\n=== FILE: Good.kt ===\ngood()\n'] });
        const result = await run(['generate', 'orders.allium', '--out', 'linked', '--force'], env(), dir);
        expect(existsSync(path.join(dir, 'victim/Evil.kt'))).toBe(false);
        expect(result.stderr).toContain('Skipped src/Evil.kt: a symbolic link on its path leads outside the output folder.');
        expect(readFileSync(path.join(dir, 'linked/Good.kt'), 'utf8')).toBe('good()\n');
    });

    it('Ctrl-C stops the stream, writes what arrived marked incomplete, prints the summary and exits 130', async () => {
        server.script({ chunks: ['=== FILE: src/Partial.kt ===\n', 'val x = 1\n', ...Array(200).fill('more()\n')], delayMs: 50 });
        let interrupted = false;
        const result = await run(['generate', 'orders.allium', '--out', 'partial-out'], env(), dir, (stdout, child) => {
            if (!interrupted && stdout.includes('more()')) {
                interrupted = true;
                child.kill('SIGINT');
            }
        });
        expect(result.status).toBe(130);
        expect(existsSync(path.join(dir, 'partial-out/src/Partial.kt'))).toBe(false);
        const partial = readFileSync(path.join(dir, 'partial-out/src/Partial.kt.incomplete'), 'utf8');
        expect(partial).toMatch(/^val x = 1\n(more\(\)\n)+$/);
        expect(partial.split('\n').length).toBeLessThan(150);
        expect(result.stderr).toContain('Incomplete: Generation cancelled.');
        expect(result.stderr).toContain('src/Partial.kt was cut off and is written as src/Partial.kt.incomplete.');
        expect(result.stderr).toMatch(/Clause coverage: \d+\/\d+/);
    });

    it('--idle-timeout abandons a silent stream with a clear message and writes what arrived, marked', async () => {
        server.script({ chunks: ['=== FILE: src/Stalled.kt ===\n', 'val y = 2\n', 'never()\n'], stallAfter: 2 });
        const result = await run(['generate', 'orders.allium', '--out', 'stalled-out', '--idle-timeout', '0.5'], env(), dir);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('Incomplete: No data arrived from the Anthropic API for 0.5 s, so generation stopped waiting');
        expect(readFileSync(path.join(dir, 'stalled-out/src/Stalled.kt.incomplete'), 'utf8')).toBe('val y = 2\n');
    });

    it('checks --out before sending anything', async () => {
        writeFileSync(path.join(dir, 'a-file'), '');
        const before = server.requests.length;
        const result = await run(['generate', 'orders.allium', '--out', 'a-file'], env(), dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('--out a-file is a file, not a folder.');
        expect(server.requests.length).toBe(before);
    });

    for (const [args, message] of [
        [['--max-tokens', 'abc'], "--max-tokens needs a whole number of at least 1, not 'abc'."],
        [['--max-rounds', '0'], "--max-rounds needs a whole number of at least 1, not '0'."],
        [['--idle-timeout', '-5'], "--idle-timeout needs a number above 0, not '-5'."],
        [['--price', 'cheap'], '--price needs input,output'],
        [['--out'], '--out needs a value.'],
        [['--frobnicate'], "Unexpected argument '--frobnicate'."]
    ] as const) {
        it(`rejects ${args.join(' ')} with usage and exit 2, before any request`, async () => {
            const before = server.requests.length;
            const result = await run(['generate', 'orders.allium', ...args], env(), dir);
            expect(result.status).toBe(2);
            expect(result.stderr).toContain(message);
            expect(result.stderr).toContain('Usage: allium generate');
            expect(server.requests.length).toBe(before);
        });
    }

    it('exits 2 with advice when no API key is set', async () => {
        const result = await run(['generate', 'orders.allium'], { ANTHROPIC_BASE_URL: server.url }, dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/ANTHROPIC_API_KEY/);
    });
});
