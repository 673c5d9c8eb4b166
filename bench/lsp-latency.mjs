// Language server latency and memory: keystroke (didChange) to publishDiagnostics on big-3k, first diagnostics for
// big-20k, the editor requests on big-20k, a burst of queued edits, a huge identifier, a 1 MB spec, and the
// server's memory with and without the workspace indexed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { corpus, figure, median, p95, referenceCheck, root } from './figures.mjs';
import { largeSpec } from '../test/support/large-spec.mjs';

const synthetic = path.join(corpus, 'synthetic');
const reference3k = referenceCheck([path.join(synthetic, 'big-3k.allium')]);
const reference20k = referenceCheck([path.join(synthetic, 'big-20k.allium')], 3);

/** A server process speaking JSON-RPC over stdio, with a way to wait for a document's diagnostics. */
async function startServer(workspaceFolder) {
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
    const folder = workspaceFolder && { uri: pathToFileURL(workspaceFolder).href, name: path.basename(workspaceFolder) };
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder?.uri ?? null, workspaceFolders: folder ? [folder] : null, capabilities: {}, initializationOptions: { inlayHints: true } });
    connection.sendNotification('initialized', {});
    return {
        connection,
        diagnosticsFor: (uri, version) => new Promise(resolve => waiting.set(uri, { version, resolve })),
        open(uri, text) {
            const published = this.diagnosticsFor(uri, 1);
            connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'allium', version: 1, text } });
            return published;
        },
        memory() {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, peak: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
        },
        async stop() {
            // Waits for the process to leave after `exit`, so that the next server's figures are not shared with it.
            const exited = new Promise(resolve => child.once('exit', resolve));
            await connection.sendRequest('shutdown');
            await connection.sendNotification('exit');
            const killing = setTimeout(() => child.kill(), 5000);
            await exited;
            clearTimeout(killing);
            connection.dispose();
        }
    };
}

async function timed(work) {
    const start = performance.now();
    await work();
    return performance.now() - start;
}

// The editor starts the server when a spec is opened, so the first didOpen follows `initialized` at once, while the
// server warms its parser: the time to that spec's diagnostics, in a fresh server each run.
const firstSpec = path.join(corpus, 'reference-examples/patterns-009.allium');
const firstOpens = [];
const fromStarts = [];
for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const fresh = await startServer();
    firstOpens.push(await timed(() => fresh.open(pathToFileURL(firstSpec).href, readFileSync(firstSpec, 'utf8'))));
    fromStarts.push(performance.now() - started);
    await fresh.stop();
}
const firstSpecLines = readFileSync(firstSpec, 'utf8').split('\n').length;
figure(`LSP fresh server, first spec opened (${firstSpecLines} lines) -> diagnostics, median of 5`, median(firstOpens));
// What the editor waits for in all: the process starting, the answer to `initialize`, then the spec's diagnostics.
figure(`LSP fresh server, process start -> first spec's (${firstSpecLines} lines) diagnostics, median of 5`, median(fromStarts));

const server = await startServer();
const big3k = readFileSync(path.join(synthetic, 'big-3k.allium'), 'utf8');
const uri3k = pathToFileURL(path.join(synthetic, 'big-3k.allium')).href;
await server.open(uri3k, big3k);
const latencies = [];
for (let version = 2; version <= 31; version++) {
    // A keystroke: one character typed into a comment line near the middle of the file.
    const text = big3k.replace('-- Unit 27', `-- Unit 27${'x'.repeat(version)}`);
    latencies.push(await timed(() => {
        const published = server.diagnosticsFor(uri3k, version);
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri3k, version }, contentChanges: [{ text }] });
        return published;
    }));
}
figure(`LSP big-3k keystroke -> diagnostics, median of ${latencies.length}`, median(latencies), { times: 3, base: reference3k, baseName: 'reference check of big-3k' });
figure(`LSP big-3k keystroke -> diagnostics, p95`, p95(latencies), { times: 6, base: reference3k, baseName: 'reference check of big-3k' });

const big20k = readFileSync(path.join(synthetic, 'big-20k.allium'), 'utf8');
const uri20k = pathToFileURL(path.join(synthetic, 'big-20k.allium')).href;
figure('LSP big-20k open -> first diagnostics', await timed(() => server.open(uri20k, big20k)), { times: 3, base: reference20k, baseName: 'reference check of big-20k' });

// Editor requests on the big file: the figures a user feels while reading and typing.
const big20kLines = big20k.split('\n');
const ruleLine = big20kLines.findIndex((l, i) => i > big20kLines.length / 2 && l.startsWith('rule '));
const fieldLine = big20kLines.findIndex((l, i) => i > big20kLines.length / 2 && l.startsWith('    status:'));
const at = (uri, line, character) => ({ textDocument: { uri }, position: { line, character } });
const requests = {
    semanticTokens: ['textDocument/semanticTokens/full', { textDocument: { uri: uri20k } }, 50],
    foldingRange: ['textDocument/foldingRange', { textDocument: { uri: uri20k } }, 50],
    documentSymbol: ['textDocument/documentSymbol', { textDocument: { uri: uri20k } }, 50],
    completion: ['textDocument/completion', at(uri20k, ruleLine + 1, 4), 50],
    hover: ['textDocument/hover', at(uri20k, ruleLine, 6)],
    'hover on a field (who changes it)': ['textDocument/hover', at(uri20k, fieldLine, 5)],
    references: ['textDocument/references', { ...at(uri20k, fieldLine, 5), context: { includeDeclaration: true } }],
    typeDefinition: ['textDocument/typeDefinition', at(uri20k, fieldLine, 5)],
    selectionRange: ['textDocument/selectionRange', { textDocument: { uri: uri20k }, positions: [{ line: ruleLine + 1, character: 12 }] }],
    'inlay hints (whole file)': ['textDocument/inlayHint', { textDocument: { uri: uri20k }, range: { start: { line: 0, character: 0 }, end: { line: big20kLines.length, character: 0 } } }]
};
for (const [name, [method, params, atMost]] of Object.entries(requests)) {
    const times = [];
    for (let i = 0; i < 7; i++) {
        times.push(await timed(() => server.connection.sendRequest(method, params)));
    }
    figure(`LSP big-20k ${name}, median of 7`, median(times), { atMost });
}
// The first request of each after an edit, with the new version's diagnostics published: nothing of the new parse
// is kept for it yet (the outline is kept per parse, and the medians above read it).
let version20k = 1;
for (const name of ['semanticTokens', 'foldingRange', 'documentSymbol', 'completion']) {
    const [method, params, atMost] = requests[name];
    version20k++;
    const published = server.diagnosticsFor(uri20k, version20k);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri20k, version: version20k }, contentChanges: [{ text: big20k + '\n'.repeat(version20k - 1) }] });
    await published;
    figure(`LSP big-20k ${name}, first request after an edit`, await timed(() => server.connection.sendRequest(method, params)), { atMost });
}
// The call hierarchy reads the trigger graph of the workspace, built on the first request after an edit.
const ruleAt = at(uri20k, ruleLine, 6);
const hierarchy = [];
for (let i = 0; i < 7; i++) {
    if (i === 0) {
        version20k++;
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri20k, version: version20k }, contentChanges: [{ text: big20k + '\n'.repeat(version20k - 1) }] });
    }
    hierarchy.push(await timed(async () => {
        const [item] = await server.connection.sendRequest('textDocument/prepareCallHierarchy', ruleAt) ?? [];
        if (item) {
            await server.connection.sendRequest('callHierarchy/incomingCalls', { item });
            await server.connection.sendRequest('callHierarchy/outgoingCalls', { item });
        }
    }));
}
figure('LSP big-20k call hierarchy (prepare, incoming, outgoing), first after an edit, with the rebuild', hierarchy[0]);
figure('LSP big-20k call hierarchy, median of the next 6', median(hierarchy.slice(1)));

const both = server.memory();
figure('LSP server RSS with big-3k and big-20k open', both.rss, { unit: 'MB', atMost: 150 });

// 2,000 keystrokes sent without waiting, as incremental changes: the server must coalesce them, not rebuild once per edit.
let version = 31;
const unitLine = big3k.split('\n').findIndex(l => l.startsWith('-- Unit 27'));
const burstEnd = await timed(async () => {
    for (let i = 0; i < 2000; i++) {
        version++;
        const position = { line: unitLine, character: 10 };
        server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri3k, version }, contentChanges: [{ range: { start: position, end: position }, text: 'y' }] });
    }
    const published = server.diagnosticsFor(uri3k, version);
    await Promise.all([published, server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri3k } })]);
});
figure('LSP 2,000 queued edits of big-3k -> diagnostics of the last one and a documentSymbol answer', burstEnd, { atMost: 1000 });

// A 100,000-character identifier, declared and used: every request on the file stays fast.
const longName = `Entity${'x'.repeat(100_000)}`;
const longUri = 'file:///bench/long-identifier.allium';
await server.open(longUri, `-- allium: 3\n\nentity ${longName} {\n    status: open | closed\n}\n\nrule Close {\n    when: item: ${longName}.created\n    ensures: item.status = closed\n}\n`);
const longRequests = [
    ['textDocument/hover', at(longUri, 2, 50_000)], ['textDocument/completion', at(longUri, 7, 50_000)], ['textDocument/semanticTokens/full', { textDocument: { uri: longUri } }],
    ['textDocument/documentSymbol', { textDocument: { uri: longUri } }], ['textDocument/foldingRange', { textDocument: { uri: longUri } }], ['textDocument/references', { ...at(longUri, 2, 10), context: { includeDeclaration: true } }]
];
let slowest = 0;
for (const [method, params] of longRequests) {
    slowest = Math.max(slowest, await timed(() => server.connection.sendRequest(method, params)));
}
figure(`LSP slowest of ${longRequests.length} requests on a 100,000-character identifier`, slowest, { atMost: 100 });
await server.stop();

// The whole corpus as the workspace folder, with the two big specs open from it.
const indexed = await startServer(corpus);
await Promise.all([indexed.open(uri3k, big3k), indexed.open(uri20k, big20k)]);
figure('LSP server RSS with big-3k and big-20k open and the corpus workspace indexed', indexed.memory().rss, { unit: 'MB', atMost: 150 });
await indexed.stop();

// A 1 MB valid spec in a server of its own, so that its memory is that of this spec alone.
const large = await startServer();
const largeUri = 'file:///bench/large.allium';
figure('LSP 1 MB spec open -> first diagnostics', await timed(() => large.open(largeUri, largeSpec(1_000_000))), { atMost: 1500 });
figure('LSP 1 MB spec server peak RSS', large.memory().peak, { unit: 'MB', atMost: 300 });
let outline;
const outlineTime = await timed(async () => { outline = await large.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: largeUri } }); });
figure(`LSP 1 MB spec documentSymbol (${outline.length} top-level symbols)`, outlineTime, { atMost: 100 });
await large.stop();
