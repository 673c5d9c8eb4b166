import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'packages/cli/dist');
const CORPUS = path.join(ROOT, 'test/corpus');

interface Run { status: number | null; stdout: string; stderr: string }

const run = (command: string, args: string[], env: Record<string, string> = {}, cwd = CORPUS): Run => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

async function until(condition: () => boolean, what: string, ms = 90_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

// The launcher's test: the blob carries its node binary's modification time, to the millisecond.
const sameTime = (a: string, b: string) => Math.trunc(statSync(a).mtimeMs) === Math.trunc(statSync(b).mtimeMs);

describe('the CLI started from its V8 start-up snapshot', () => {
    let pkg: string;
    let blob: string;
    const node = process.execPath;

    beforeAll(() => {
        expect(existsSync(path.join(DIST, 'launcher.cjs')), 'run npm run build first').toBe(true);
        // A copy of the package's two files, so that the bundle can be taken away without touching the build.
        pkg = tempDir('allium-snapshot-pkg');
        for (const file of ['launcher.cjs', 'allium.cjs']) {
            copyFileSync(path.join(DIST, file), path.join(pkg, file));
        }
                blob = path.join(tempDir('allium-snapshot-blob'), 'allium.blob');
        const built = spawnSync(node, ['--snapshot-blob', blob, '--build-snapshot', path.join(pkg, 'allium.cjs')], { encoding: 'utf8' });
        expect(built.stderr).toBe('');
        expect(built.status).toBe(0);
    }, 180_000);

    const plain = (args: string[]) => run(node, [path.join(pkg, 'allium.cjs'), ...args]);
    const snapshot = (args: string[]) => run(node, ['--snapshot-blob', blob, '--', ...args]);

    it.each([
        ['check --json', ['check', '--json', 'reference-examples']],
        ['check text', ['check', '--format', 'text', '--extended', 'juxt-trials']],
        ['plan --json', ['plan', '--json', 'reference-examples/patterns-009.allium']],
        ['model', ['model', 'reference-examples/patterns-009.allium']],
        ['parse', ['parse', 'juxt-trials/tests__cases__distill__leak__spec.allium']],
        ['format --check', ['format', '--check', 'reference-examples']],
        ['analyse', ['analyse', 'reference-examples/patterns-009.allium']],
        ['--version', ['--version']],
        ['a bad argument', ['check', '--fail-on', 'never', 'x.allium']],
        ['a missing file', ['check', '--json', 'no-such.allium']]
    ])('prints what the bundle prints, with its exit status: %s', (_name, args) => {
        const expected = plain(args);
        expect(expected.stdout.length + expected.stderr.length).toBeGreaterThan(0);
        expect(snapshot(args)).toEqual(expected);
    });

    describe('through the launcher', () => {
        const launcher = (args: string[], env: Record<string, string>, cwd = CORPUS) => run(node, [path.join(pkg, 'launcher.cjs'), ...args], env, cwd);
        const args = ['check', '--json', 'reference-examples/patterns-009.allium'];

        it('runs the bundle first, builds the blob in the background, then runs from it even without the bundle', async () => {
            const cache = tempDir('allium-snapshot-cache');
            const expected = plain(args);
            expect(launcher(args, { XDG_CACHE_HOME: cache })).toEqual(expected);
            const [cached] = spawnSync('find', [cache, '-name', '*.blob'], { encoding: 'utf8' }).stdout.split('\n');
            // The first run asked for the build as it ended; the blob appears once built and tried.
            const blobs = () => spawnSync('find', [cache, '-name', '*.blob'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
            await until(() => blobs().length === 1 && !existsSync(`${blobs()[0]}.lock`), 'the background build');
            expect(cached ?? '').toBe('');
            const built = blobs()[0];
            expect(path.dirname(built)).toMatch(/allium-editor\/snapshots\/\d+\.\d+\.\d+[^/]*-[0-9a-f]{16}$/);
            expect(sameTime(built, node)).toBe(true);

            const bundle = path.join(pkg, 'allium.cjs');
            renameSync(bundle, `${bundle}.away`);
            try {
                expect(launcher(args, { XDG_CACHE_HOME: cache })).toEqual(expected);
                // Arguments reach the CLI, not node: --version and --help are allium's.
                expect(launcher(['--version'], { XDG_CACHE_HOME: cache }).stdout).toMatch(/^allium \d/);
                expect(launcher(['--help'], { XDG_CACHE_HOME: cache }).stdout).toMatch(/^Usage: allium <command>/);
                // Turned off, or with NODE_OPTIONS set, the launcher runs the bundle, which is not there.
                expect(launcher(args, { XDG_CACHE_HOME: cache, ALLIUM_NO_SNAPSHOT: '1' }).stderr).toMatch(/Cannot find module/);
                expect(launcher(args, { XDG_CACHE_HOME: cache, NODE_OPTIONS: '--no-warnings' }).stderr).toMatch(/Cannot find module/);
            } finally {
                renameSync(`${bundle}.away`, bundle);
            }

            // A blob of another node binary (another modification time) is not used, silently, and is built again.
            utimesSync(built, new Date(2001, 0, 1), new Date(2001, 0, 1));
            renameSync(bundle, `${bundle}.away`);
            try {
                expect(launcher(args, { XDG_CACHE_HOME: cache }).stderr).toMatch(/Cannot find module/);
            } finally {
                renameSync(`${bundle}.away`, bundle);
            }
            expect(launcher(args, { XDG_CACHE_HOME: cache })).toEqual(expected);
            await until(() => sameTime(built, node) && !existsSync(`${built}.lock`), 'the rebuild');
        }, 240_000);

        it('runs from the bundle, silently, when the cache folder cannot be made', () => {
            const file = path.join(tempDir('allium-snapshot-nocache'), 'a-file');
            writeFileSync(file, '');
            expect(launcher(args, { XDG_CACHE_HOME: file })).toEqual(plain(args));
            expect(launcher(args, { XDG_CACHE_HOME: '', HOME: '' })).toEqual(plain(args));
        });

        it('ends check --watch on Ctrl-C with status 0, as the bundle does', async () => {
            const cache = tempDir('allium-snapshot-watch');
            const dir = tempDir('allium-snapshot-watched');
            writeFileSync(path.join(dir, 'a.allium'), '-- allium: 3\nentity Customer {\n    name: String\n}\n');
            // A blob for this node in the cache, made by the launcher's own first run.
            launcher(['--version'], { XDG_CACHE_HOME: cache }, dir);
            await until(() => spawnSync('find', [cache, '-name', '*.blob'], { encoding: 'utf8' }).stdout.trim() !== '', 'the background build');
            const child = spawn(node, [path.join(pkg, 'launcher.cjs'), 'check', '--watch', '--format', 'text', '.'], { cwd: dir, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: cache } });
            let stderr = '';
            child.stderr.on('data', d => { stderr += d; });
            const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
            try {
                await until(() => stderr.includes('watching for changes'), 'the first run', 30_000);
                child.kill('SIGINT');
                expect(await exited).toBe(0);
            } finally {
                child.kill();
            }
        }, 240_000);
    });
});
