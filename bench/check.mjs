// Checker speed and memory on the synthetic stress specs: cold CLI process, warm re-parse + validate, peak RSS.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { Checker } from '../packages/cli/out/check.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus/synthetic');
const cli = path.join(root, 'out/cli/allium.cjs');
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const name of ['big-3k.allium', 'big-20k.allium']) {
    const file = path.join(corpus, name);
    const cold = [];
    for (let i = 0; i < 3; i++) {
        const start = performance.now();
        spawnSync(process.execPath, [cli, 'check', '--json', file], { stdio: 'ignore' });
        cold.push(performance.now() - start);
    }
    const rss = JSON.parse(spawnSync(process.execPath, [path.join(root, 'bench/check-rss.mjs'), file], { encoding: 'utf8' }).stdout);
    const big = name.includes('20k');
    const warm = await warmRebuilds(file, big ? 3 : 8, big ? 8 : 20);
    console.log(`${name}: cold CLI check ${median(cold).toFixed(0)} ms (median of 3); warm re-parse+validate median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms (${warm.length} runs after ${big ? 3 : 8} warm-up runs); peak RSS ${(rss.maxRssKb / 1024).toFixed(0)} MB`);
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
