// Checker speed and memory: cold CLI processes against the reference checker and a bare node, warm re-parse +
// validate, peak RSS. The cold figures are of what a user runs: the package's `allium` command, which starts from its
// V8 start-up snapshot once the cache holds one (in a cache folder of this run); the first, cache-cold run and the same
// commands without the snapshot (ALLIUM_NO_SNAPSHOT=1, the bundle) are printed beside them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { Checker } from '../packages/cli/out/check.js';
import { corpus, figure, median, processTime, referenceCheck, root } from './figures.mjs';

const bin = path.join(root, 'packages/cli/dist/launcher.cjs');
const cache = mkdtempSync(path.join(tmpdir(), 'allium-bench-cache-'));
process.on('exit', () => rmSync(cache, { recursive: true, force: true }));
const snapshot = { XDG_CACHE_HOME: cache, NODE_OPTIONS: '' };
const bundle = { ...snapshot, ALLIUM_NO_SNAPSHOT: '1' };
const ours = (files, runs = 5, env = snapshot) => processTime(bin, ['check', '--json', ...files], runs, env);

// A real spec of about 200 lines: what an agent checks after writing a file.
const small = path.join(corpus, 'reference-examples/patterns-009.allium');
const lines = readFileSync(small, 'utf8').split('\n').length;
const firstRun = ours([small], 1);
await snapshotBuilt();
const node = processTime(process.execPath, ['-e', '0'], 7);
const smallCheck = ours([small], 7);
figure(`cold check of a ${lines}-line spec`, smallCheck, { times: 2.5, base: node, baseName: 'bare `node -e 0`' });
figure(`cold check of a ${lines}-line spec`, smallCheck, { base: referenceCheck([small], 7) });
figure(`cold check of a ${lines}-line spec, first run (no snapshot in the cache yet)`, firstRun, { base: node, baseName: 'bare `node -e 0`' });
const smallBundle = ours([small], 7, bundle);
figure(`cold check of a ${lines}-line spec without the snapshot`, smallBundle, { base: node, baseName: 'bare `node -e 0`' });
figure(`cold check of a ${lines}-line spec with the snapshot`, smallCheck, { base: smallBundle, baseName: 'without it' });

for (const name of ['big-3k.allium', 'big-20k.allium']) {
    const file = path.join(corpus, 'synthetic', name);
    const big = name.includes('20k');
    const withSnapshot = ours([file], big ? 3 : 5);
    figure(`cold check of ${name}`, withSnapshot, big ? { times: 3, base: referenceCheck([file], 3) } : { base: referenceCheck([file]) });
    figure(`cold check of ${name} with the snapshot`, withSnapshot, { base: ours([file], big ? 3 : 5, bundle), baseName: 'without it' });
}

// A folder of 50 specs checked in one process.
const folder = path.join(corpus, 'reference-examples');
const fifty = readdirSync(folder).filter(f => f.endsWith('.allium')).sort().slice(0, 50).map(f => path.join(folder, f));
const fiftyCheck = ours(fifty, 3);
figure(`check of ${fifty.length} specs in one process`, fiftyCheck, { times: 3, base: referenceCheck(fifty, 3) });
figure(`check of ${fifty.length} specs in one process with the snapshot`, fiftyCheck, { base: ours(fifty, 3, bundle), baseName: 'without it' });

/** Waits until the background build the first run started has put the blob in the cache. */
async function snapshotBuilt() {
    const deadline = Date.now() + 120_000;
    const blobs = () => spawnSync('find', [cache, '-name', '*.blob'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
    while (!(blobs().length === 1 && !existsSync(`${blobs()[0]}.lock`))) {
        if (Date.now() > deadline) {
            throw new Error('the start-up snapshot was not built within 2 minutes');
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

for (const name of ['big-3k.allium', 'big-20k.allium']) {
    const file = path.join(corpus, 'synthetic', name);
    const rss = JSON.parse(spawnSync(process.execPath, [path.join(root, 'bench/check-rss.mjs'), file], { encoding: 'utf8' }).stdout);
    const big = name.includes('20k');
    const warm = await warmRebuilds(file, big ? 3 : 8, big ? 8 : 20);
    console.log(`${name}: warm re-parse+validate median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms (${warm.length} runs after ${big ? 3 : 8} warm-up runs); peak RSS of a check ${(rss.maxRssKb / 1024).toFixed(0)} MB`);
}

/**
 * Edits one line of the document and rebuilds it with validation, as the server does after a keystroke. The first
 * rebuilds run while the JIT compiles the parser and checks (they take two to five times as long), so they are not
 * counted: a language server reaches that state within its first seconds of editing.
 */
async function warmRebuilds(file, warmUp, runs) {
    const checker = new Checker();
    const workspace = checker.services.shared.workspace;
    const text = readFileSync(file, 'utf8');
    const uri = URI.file(file);
    const times = [];
    for (let i = 0; i < warmUp + runs; i++) {
        const edited = text.replace('-- allium: 3', `-- allium: 3\n-- edit ${i}`);
        const start = performance.now();
        const document = workspace.LangiumDocumentFactory.fromString(edited, uri);
        workspace.LangiumDocuments.deleteDocument(uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: true });
        if (i >= warmUp) {
            times.push(performance.now() - start);
        }
    }
    return times;
}
