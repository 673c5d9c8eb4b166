// Traceability at size: a spec of 200 rules with 200 generated files holding 5,000 markers. Figures: reading the
// markers and working out the trace (as the server's index and `allium trace` do), the server's first trace
// findings on a workspace of that size, and keystroke -> diagnostics on the spec with and without the code beside it
// (target: drift re-checked within 20 ms of the keystroke latency without code). Needs `npm run build`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { scanMarkers, traceReport } from '../packages/generate/out/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULES = 200;
const rules = Array.from({ length: RULES }, (_, i) => `rule Step${i} {\n    when: Step${i}(order)\n    requires: order.status = pending\n    requires: order.total > ${i}\n    ensures: order.status = shipped\n}\n`);
const spec = `-- allium: 3\nentity Order {\n    status: pending | shipped\n    total: Decimal\n}\n\n${rules.join('\n')}`;
const file = i => {
    const lines = [];
    // 25 markers a file: 5 rules of 4 regions (the rule, its when, requires and ensures) and a test of each of 5 rules.
    for (let r = 0; r < 5; r++) {
        const id = `orders::rule:Step${i}`;
        lines.push(`// @allium-begin ${id}`, `export function step${i}_${r}(order: Order) {`);
        for (const part of ['when', 'requires#1', 'ensures#1']) {
            lines.push(`    // @allium-begin ${id}/${part}`, `    check${r}(order);`, `    // @allium-end ${id}/${part}`);
        }
        lines.push('}', `// @allium-end ${id}`, `// @allium-begin orders::test:rule-success.Step${i}`, `test("${i}", () => step${i}_${r}(order));`, `// @allium-end orders::test:rule-success.Step${i}`);
    }
    return lines.join('\n') + '\n';
};
const texts = Array.from({ length: RULES }, (_, i) => file(i));

const started = performance.now();
const regions = texts.flatMap((text, i) => scanMarkers(text).map(r => ({ ...r, uri: `file:///gen/src/step${i}.ts` })));
const scanned = performance.now();
const clauses = regions.filter(r => !r.id.includes('test:')).map(r => ({ id: r.id, owner: r.id.split('/')[0], uri: 'file:///orders.allium', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fingerprint: 'x' }));
traceReport({ clauses, obligations: [], regions, records: [] });
console.log(`trace of ${texts.length} files, ${regions.length} markers: scan ${(scanned - started).toFixed(1)} ms, report ${(performance.now() - scanned).toFixed(1)} ms`);

async function keystrokes(withCode) {
    const dir = mkdtempSync(path.join(tmpdir(), 'allium-bench-trace-'));
    writeFileSync(path.join(dir, 'orders.allium'), spec);
    if (withCode) {
        mkdirSync(path.join(dir, 'gen/src'), { recursive: true });
        texts.forEach((text, i) => writeFileSync(path.join(dir, `gen/src/step${i}.ts`), text));
    }
    const child = spawn(process.execPath, [path.join(root, 'out/server/main.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let waiter;
    connection.onNotification('textDocument/publishDiagnostics', params => {
        if (waiter && params.uri === uri && waiter.ready(params.diagnostics)) {
            waiter.resolve();
            waiter = undefined;
        }
    });
    connection.listen();
    const uri = pathToFileURL(path.join(dir, 'orders.allium')).href;
    const next = (ready = () => true) => new Promise(resolve => { waiter = { ready, resolve }; });
    const opened = performance.now();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'b' }], capabilities: {} });
    connection.sendNotification('initialized', {});
    let published = next(d => !withCode || d.some(x => String(x.code).startsWith('allium.trace')));
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'allium', version: 1, text: spec } });
    await published;
    const first = performance.now() - opened;
    const latencies = [];
    for (let version = 2; version <= 21; version++) {
        published = next();
        const start = performance.now();
        connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: spec.replace('requires: order.total > 100', `requires: order.total > ${100 + version}`) }] });
        await published;
        latencies.push(performance.now() - start);
    }
    child.kill();
    rmSync(dir, { recursive: true, force: true });
    latencies.sort((a, b) => a - b);
    return { first, median: latencies[Math.floor(latencies.length / 2)] };
}

const without = await keystrokes(false);
const withCode = await keystrokes(true);
console.log(`LSP, spec of ${RULES} rules: keystroke -> diagnostics median ${without.median.toFixed(0)} ms without code, ${withCode.median.toFixed(0)} ms with ${regions.length} markers in ${texts.length} files (drift re-check +${(withCode.median - without.median).toFixed(0)} ms, target < 20 ms); first trace findings ${withCode.first.toFixed(0)} ms after start`);
