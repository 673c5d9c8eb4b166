import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { checkJson } from '../support/check-json.js';
import { runBounded } from '../support/cpu-bound.js';
import { tempDir } from '../support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../out/cli/allium.cjs');
const SPEC = '-- allium: 3\n\nentity Order {\n    total: Integer\n}\n';

/**
 * Runs the CLI under a CPU watchdog (test/support/cpu-bound.ts): a walk that loops shows as a CLI over its CPU budget,
 * a read that blocks as a CLI using no CPU, both as `timedOut`, whatever the load of the machine. A check of these
 * folders takes about 1 s of CPU.
 */
function run(args: string[], cwd: string) {
    return runBounded(process.execPath, [CLI, ...args], { cwd, cpuMs: 20_000 });
}

// Wall-clock limits are left to the watchdog; vitest's only stops a test that the watchdog did not.
describe('file system traps for the CLI', { timeout: 600_000 }, () => {
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
        // The marker after the mark counts: the file is Allium 3.
        expect(result.stdout).not.toContain('allium.version.missing');
        expect((await run(['format', 'bom.allium'], dir)).stdout).toBe('\uFEFF' + SPEC);
    });

    it('refuses a file that is not UTF-8 and leaves its bytes as they are', async () => {
        const dir = tempDir('allium-latin1');
        const file = path.join(dir, 'latin1.allium');
        // "café" in Latin-1: the é is one byte, 0xE9, that no UTF-8 sequence starts with.
        const bytes = Buffer.concat([Buffer.from('-- allium: 3\n-- caf'), Buffer.from([0xe9]), Buffer.from('\n' + SPEC.split('\n').slice(1).join('\n').replace('    total', '  total'))]);
        writeFileSync(file, bytes);
        const format = await run(['format', '--write', 'latin1.allium'], dir);
        expect(format.status).toBe(2);
        expect(format.stderr).toContain('is not valid UTF-8 text');
        expect(readFileSync(file).equals(bytes)).toBe(true);
        const check = await run(['check', 'latin1.allium'], dir);
        expect(check.status).toBe(2);
        expect(check.stderr).toContain('is not valid UTF-8 text');
        // In a folder, the other files are still checked and reported; the run still fails.
        writeFileSync(path.join(dir, 'other.allium'), SPEC);
        const folder = await run(['check', '--json', '.'], dir);
        expect(folder.status).toBe(2);
        expect(folder.stderr).toContain('latin1.allium is not valid UTF-8 text');
        // One report, of the other file.
        const report = JSON.parse(folder.stdout) as { spec_file: string; diagnostics: Array<{ code: string }> };
        expect(report.spec_file).toBe('other.allium');
        expect(report.diagnostics.map(d => d.code)).toContain('allium.entity.unused');
        // plan and analyse go on in the same way: the other file's answer on stdout, the unreadable one on stderr, exit 2.
        const plan = await run(['plan', '--json', '.'], dir);
        expect(plan.status).toBe(2);
        expect(plan.stderr).toContain('latin1.allium is not valid UTF-8 text');
        expect((JSON.parse(plan.stdout) as { obligations: unknown[] }).obligations.length).toBeGreaterThan(0);
        const analyse = await run(['analyse', '.'], dir);
        expect(analyse.status).toBe(2);
        expect(analyse.stderr).toContain('latin1.allium is not valid UTF-8 text');
        expect((JSON.parse(analyse.stdout) as { spec_file: string }).spec_file).toBe('other.allium');
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

describe('file system traps for the language server', { timeout: 600_000 }, () => {
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
            const { value: diagnostics } = await client.within(client.diagnosticsFor(uri, d => d.some(x => x.code === 'allium.use.unreadable'), 600_000),
                { cpuMs: 20_000, what: 'diagnostics of the bad use targets' });
            expect(diagnostics.filter(d => d.code === 'allium.use.unreadable').map(d => d.range.start.line)).toEqual([1, 2, 3]);
            expect(client.alive).toBe(true);
        } finally {
            await client.dispose();
        }
    });

    it('indexes the rest of a folder that holds a file that is not UTF-8', async () => {
        const dir = tempDir('allium-server-latin1');
        writeFileSync(path.join(dir, 'latin1.allium'), Buffer.concat([Buffer.from('-- allium: 3\n-- caf'), Buffer.from([0xe9]), Buffer.from('\nentity Latin {\n    n: Integer\n}\n')]));
        writeFileSync(path.join(dir, 'good.allium'), SPEC);
        const client = new LspClient();
        try {
            await client.initialize(dir);
            const { value: symbols } = await client.within(client.request<Array<{ name: string }>>('workspace/symbol', { query: '' }), { cpuMs: 20_000, what: 'workspace symbols' });
            expect(symbols.map(s => s.name)).toContain('Order');
            expect(symbols.map(s => s.name)).not.toContain('Latin');
        } finally {
            await client.dispose();
        }
    });

    it('accepts a UTF-8 byte order mark in an open document and keeps it when formatting', async () => {
        const client = new LspClient();
        try {
            await client.initialize();
            const uri = 'file:///traps/bom.allium';
            const text = '\uFEFF' + SPEC.replace('    total', '  total');
            await client.open(uri, text);
            const { value: diagnostics } = await client.within(client.diagnosticsFor(uri, () => true, 600_000), { cpuMs: 20_000, what: 'diagnostics of a spec with a BOM' });
            expect(diagnostics.filter(d => d.code === 'allium.syntax' || d.code === 'allium.version.missing')).toEqual([]);
            const { value: edits } = await client.within(client.request<Parameters<typeof TextDocument.applyEdits>[1]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }),
                { cpuMs: 10_000, what: 'formatting a spec with a BOM' });
            expect(TextDocument.applyEdits(TextDocument.create(uri, 'allium', 1, text), edits)).toBe('\uFEFF' + SPEC);
        } finally {
            await client.dispose();
        }
    });
});
