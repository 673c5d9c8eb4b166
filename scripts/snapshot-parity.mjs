// Runs the CLI's commands over every corpus folder (test/corpus/*, examples/*) twice, from the package's bundle
// (packages/cli/dist/allium.cjs) and from a start-up snapshot of it built for the run, and compares stdout, stderr and
// exit status byte for byte: check --json, check text (--extended), plan --json, analyse and format --check on each
// folder, model and parse on each file. Prints each difference and a count; exits 1 when there is one.
// Usage: node scripts/snapshot-parity.mjs   (needs a current build: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'packages/cli/dist/allium.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'allium-snapshot-parity-'));
const blob = path.join(work, 'allium.blob');
try {
    const built = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { encoding: 'utf8' });
    if (built.status !== 0 || built.stderr) {
        throw new Error(`building the snapshot failed: ${built.stderr}`);
    }
    const folders = ['test/corpus', 'examples'].flatMap(parent => readdirSync(path.join(root, parent), { withFileTypes: true })
        .filter(entry => entry.isDirectory()).map(entry => path.join(parent, entry.name)));
    const runs = folders.flatMap(folder => [
        ['check', '--json', folder], ['check', '--format', 'text', '--extended', folder], ['plan', '--json', folder], ['analyse', folder], ['format', '--check', folder],
        ...readdirSync(path.join(root, folder)).filter(file => file.endsWith('.allium')).sort()
            .flatMap(file => [['model', path.join(folder, file)], ['parse', path.join(folder, file)]])
    ]);
    const run = args => {
        const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    let differences = 0;
    for (const args of runs) {
        const plain = run([bundle, ...args]);
        const snapshot = run(['--snapshot-blob', blob, '--', ...args]);
        for (const key of ['status', 'stdout', 'stderr']) {
            if (plain[key] !== snapshot[key]) {
                differences++;
                console.log(`differs: allium ${args.join(' ')} (${key})`);
            }
        }
    }
    console.log(`${runs.length} runs over ${folders.length} folders: ${differences === 0 ? 'output identical with and without the snapshot' : `${differences} differences`}`);
    process.exitCode = differences === 0 ? 0 : 1;
} finally {
    rmSync(work, { recursive: true, force: true });
}
