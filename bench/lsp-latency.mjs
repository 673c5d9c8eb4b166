// Language server latency: keystroke (didChange) to publishDiagnostics on big-3k, first diagnostics for big-20k,
// the editor requests on big-20k, and the server's memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus/synthetic');
const child = spawn(process.execPath, [path.join(root, 'out/server/main.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }) => {
    const waiter = waiting.get(uri);
    if (waiter && (version === undefined || version >= waiter.version)) {
        waiting.delete(uri);
        waiter.resolve();
    }
});
connection.listen();
const diagnosticsFor = (uri, version) => new Promise(resolve => waiting.set(uri, { version, resolve }));
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = xs => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { inlayHints: true } });
connection.sendNotification('initialized', {});

const big3k = readFileSync(path.join(corpus, 'big-3k.allium'), 'utf8');
const uri3k = pathToFileURL(path.join(corpus, 'big-3k.allium')).href;
let published = diagnosticsFor(uri3k, 1);
connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri3k, languageId: 'allium', version: 1, text: big3k } });
await published;
const latencies = [];
for (let version = 2; version <= 31; version++) {
    // A keystroke: one character typed into a comment line near the middle of the file.
    const text = big3k.replace('-- Unit 27', `-- Unit 27${'x'.repeat(version)}`);
    published = diagnosticsFor(uri3k, version);
    const start = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri3k, version }, contentChanges: [{ text }] });
    await published;
    latencies.push(performance.now() - start);
}
console.log(`LSP big-3k keystroke -> diagnostics: median ${median(latencies).toFixed(0)} ms, p95 ${p95(latencies).toFixed(0)} ms (${latencies.length} edits; parse, link and validate, no debounce)`);

const big20k = readFileSync(path.join(corpus, 'big-20k.allium'), 'utf8');
const uri20k = pathToFileURL(path.join(corpus, 'big-20k.allium')).href;
published = diagnosticsFor(uri20k, 1);
const openStart = performance.now();
connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri20k, languageId: 'allium', version: 1, text: big20k } });
await published;
console.log(`LSP big-20k open -> first diagnostics: ${(performance.now() - openStart).toFixed(0)} ms`);

// Editor requests on the big file: the figures a user feels while reading and typing.
const big20kLines = big20k.split('\n');
const ruleLine = big20kLines.findIndex((l, i) => i > big20kLines.length / 2 && l.startsWith('rule '));
const fieldLine = big20kLines.findIndex((l, i) => i > big20kLines.length / 2 && l.startsWith('    status:'));
const requests = {
    hover: ['textDocument/hover', { textDocument: { uri: uri20k }, position: { line: ruleLine, character: 6 } }],
    'hover on a field (who changes it)': ['textDocument/hover', { textDocument: { uri: uri20k }, position: { line: fieldLine, character: 5 } }],
    references: ['textDocument/references', { textDocument: { uri: uri20k }, position: { line: fieldLine, character: 5 }, context: { includeDeclaration: true } }],
    completion: ['textDocument/completion', { textDocument: { uri: uri20k }, position: { line: ruleLine + 1, character: 4 } }],
    documentSymbol: ['textDocument/documentSymbol', { textDocument: { uri: uri20k } }],
    semanticTokens: ['textDocument/semanticTokens/full', { textDocument: { uri: uri20k } }],
    foldingRange: ['textDocument/foldingRange', { textDocument: { uri: uri20k } }],
    typeDefinition: ['textDocument/typeDefinition', { textDocument: { uri: uri20k }, position: { line: fieldLine, character: 5 } }],
    selectionRange: ['textDocument/selectionRange', { textDocument: { uri: uri20k }, positions: [{ line: ruleLine + 1, character: 12 }] }],
    'inlay hints (whole file)': ['textDocument/inlayHint', { textDocument: { uri: uri20k }, range: { start: { line: 0, character: 0 }, end: { line: big20kLines.length, character: 0 } } }]
};
const figures = [];
for (const [name, [method, params]] of Object.entries(requests)) {
    const times = [];
    for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await connection.sendRequest(method, params);
        times.push(performance.now() - start);
    }
    figures.push(`${name} ${median(times).toFixed(0)} ms`);
}
console.log(`LSP big-20k request medians: ${figures.join(', ')}`);

// The call hierarchy reads the trigger graph of the workspace, built on the first request after an edit.
const ruleAt = { textDocument: { uri: uri20k }, position: { line: ruleLine, character: 6 } };
const hierarchy = [];
for (let i = 0; i < 7; i++) {
    if (i === 0) {
        connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri20k, version: 2 }, contentChanges: [{ text: big20k + '\n' }] });
    }
    const start = performance.now();
    const [item] = await connection.sendRequest('textDocument/prepareCallHierarchy', ruleAt) ?? [];
    if (item) {
        await connection.sendRequest('callHierarchy/incomingCalls', { item });
        await connection.sendRequest('callHierarchy/outgoingCalls', { item });
    }
    hierarchy.push(performance.now() - start);
}
console.log(`LSP big-20k call hierarchy (prepare, incoming, outgoing): first after an edit ${hierarchy[0].toFixed(0)} ms (with the rebuild), then median ${median(hierarchy.slice(1)).toFixed(0)} ms`);

const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
const peak = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
console.log(`LSP server RSS with big-3k and big-20k open: ${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`);
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
connection.dispose();
child.kill();
