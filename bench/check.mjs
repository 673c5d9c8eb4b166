// Checker speed and memory: cold CLI processes against the reference checker and a bare node, warm re-parse +
// validate, peak RSS.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { Checker } from '../packages/cli/out/check.js';
import { corpus, figure, median, processTime, referenceCheck, root } from './figures.mjs';

const cli = path.join(root, 'out/cli/allium.cjs');
const ours = (files, runs = 5) => processTime(process.execPath, [cli, 'check', '--json', ...files], runs);

// A real spec of about 200 lines: what an agent checks after writing a file.
const small = path.join(corpus, 'reference-examples/patterns-009.allium');
const lines = readFileSync(small, 'utf8').split('\n').length;
const smallCheck = ours([small], 7);
figure(`cold check of a ${lines}-line spec`, smallCheck, { times: 2.5, base: processTime(process.execPath, ['-e', '0'], 7), baseName: 'bare `node -e 0`' });
figure(`cold check of a ${lines}-line spec`, smallCheck, { base: referenceCheck([small], 7) });

for (const name of ['big-3k.allium', 'big-20k.allium']) {
    const file = path.join(corpus, 'synthetic', name);
    const big = name.includes('20k');
    figure(`cold check of ${name}`, ours([file], big ? 3 : 5), big ? { times: 3, base: referenceCheck([file], 3) } : { base: referenceCheck([file]) });
}

// A folder of 50 specs checked in one process.
const folder = path.join(corpus, 'reference-examples');
const fifty = readdirSync(folder).filter(f => f.endsWith('.allium')).sort().slice(0, 50).map(f => path.join(folder, f));
figure(`check of ${fifty.length} specs in one process`, ours(fifty, 3), { times: 3, base: referenceCheck(fifty, 3) });

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
