import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { checkJson } from '../support/check-json.js';
import { tempDir } from '../support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../out/cli/allium.cjs');
const SPEC = '-- allium: 3\n\nentity Order {\n    total: Integer\n}\n';

/** Runs the CLI with a deadline: a walk that loops or a read that blocks shows as a timeout, not a stuck test run. */
function run(args: string[], cwd: string, timeoutMs = 15_000): Promise<{ status: number | null; stdout: string; stderr: string; timedOut: boolean }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => stdout += d);
        child.stderr.on('data', d => stderr += d);
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('exit', (status, signal) => {
            clearTimeout(timer);
            resolve({ status, stdout, stderr, timedOut: signal === 'SIGKILL' });
        });
    });
}

describe('file system traps for the CLI', () => {
    it('checks a folder with links back to itself once, without looping', async () => {
        const dir = tempDir('allium-links');
        mkdirSync(path.join(dir, 'specs', 'sub'), { recursive: true });
        writeFileSync(path.join(dir, 'specs', 'a.allium'), SPEC);
        symlinkSync('..', path.join(dir, 'specs', 'sub', 'up'));
        symlinkSync('../..', path.join(dir, 'specs', 'sub', 'up2'));
        const result = await run(['check', '--format', 'text', 'specs'], dir);
        expect(result.timedOut).toBe(false);
        expect(result.stdout).toContain('1 file checked');
        expect(result.stdout.split('\n').filter(line => line.startsWith('specs/a.allium:')).length).toBeGreaterThan(0);
        expect(result.stdout).not.toContain('/up');
    });

    it('skips a FIFO named *.allium and says so, instead of blocking on it', async () => {
        const dir = tempDir('allium-fifo');
        writeFileSync(path.join(dir, 'a.allium'), SPEC);
        execFileSync('mkfifo', [path.join(dir, 'pipe.allium')]);
        const result = await run(['check', '--format', 'text', '.'], dir);
        expect(result.timedOut).toBe(false);
        expect(result.stderr).toContain('skipped pipe.allium: it is not a regular file');
        expect(result.stdout).toContain('1 file checked');
        const format = await run(['format', '--check', '.'], dir);
        expect(format.timedOut).toBe(false);
    });

    it('reports a use of a directory, another kind of file, /dev/zero or a FIFO on its use line', async () => {
        const dir = tempDir('allium-uses');
        mkdirSync(path.join(dir, 'folder'));
        writeFileSync(path.join(dir, 'notes.md'), '# Notes\n');
        execFileSync('mkfifo', [path.join(dir, 'pipe.allium')]);
        writeFileSync(path.join(dir, 'uses.allium'), '-- allium: 3\nuse "./folder" as f\nuse "./notes.md" as n\nuse "/dev/zero" as z\nuse "./pipe.allium" as p\n\n' + SPEC.slice(13));
        const result = await run(['check', '--json', 'uses.allium'], dir);
        expect(result.timedOut).toBe(false);
        const uses = checkJson(result.stdout).diagnostics
            .filter(d => d.code === 'allium.use.unreadable');
        expect(uses.map(d => [d.line, d.message.split(', so')[0]])).toEqual([
            [2, "'./folder' is a directory"],
            [3, "'./notes.md' is not an Allium file (.allium)"],
            [4, "'/dev/zero' is not a regular file (a device, pipe or socket)"],
            [5, "'./pipe.allium' is not a regular file (a device, pipe or socket)"]
        ]);
    });

    it('accepts and keeps a UTF-8 byte order mark', async () => {
        const dir = tempDir('allium-bom');
        writeFileSync(path.join(dir, 'bom.allium'), '\uFEFF' + SPEC);
        const result = await run(['check', '--json', 'bom.allium'], dir);
        expect(result.stdout).not.toContain('allium.syntax');
        expect((await run(['format', 'bom.allium'], dir)).stdout).toBe('\uFEFF' + SPEC);
    });

    it('keeps CRLF line endings, to the end of the file', async () => {
        const dir = tempDir('allium-crlf');
        writeFileSync(path.join(dir, 'crlf.allium'), SPEC.replace(/\n/g, '\r\n'));
        writeFileSync(path.join(dir, 'untidy.allium'), (SPEC + '\n\n\n').replace('    total', '  total').replace(/\n/g, '\r\n'));
        const check = await run(['format', '--check', '.'], dir);
        expect(check.stdout.trim().split('\n')).toEqual(['untidy.allium']);
        expect((await run(['format', 'untidy.allium'], dir)).stdout).toBe(SPEC.replace(/\n/g, '\r\n'));
    });
});

describe('file system traps for the language server', () => {
    it('indexes a folder with link loops and a FIFO, and reports bad use targets on their lines', async () => {
        const dir = tempDir('allium-server-traps');
        mkdirSync(path.join(dir, 'sub'));
        symlinkSync('..', path.join(dir, 'sub', 'up'));
        symlinkSync('../..', path.join(dir, 'sub', 'up2'));
        execFileSync('mkfifo', [path.join(dir, 'pipe.allium')]);
        const text = '-- allium: 3\nuse "./sub" as s\nuse "/dev/zero" as z\nuse "./pipe.allium" as p\n\n' + SPEC.slice(13);
        writeFileSync(path.join(dir, 'uses.allium'), text);
        const client = new LspClient();
        try {
            await client.initialize(dir);
            const uri = pathToFileURL(path.join(dir, 'uses.allium')).href;
            await client.open(uri, text);
            const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'allium.use.unreadable'), 15_000);
            expect(diagnostics.filter(d => d.code === 'allium.use.unreadable').map(d => d.range.start.line)).toEqual([1, 2, 3]);
            expect(client.alive).toBe(true);
        } finally {
            await client.dispose();
        }
    });
});
