// The preview at size: the cost of one update (the delta the extension posts to the webview) while a 50,000-line
// answer with 1,000 regions streams, and the CLI's peak memory for such an answer (target: < 2 ms per delta,
// < 200 MB). The webview's rendering is per appended line and not measured here (it needs a browser).
// Needs `npm run build`.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClauseLinkParser } from '../packages/generate/out/index.js';
import { PreviewDelta } from '../packages/client/out/generation/preview-delta.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINES = 50_000;
const lines = ['=== FILE: src/big.ts ==='];
for (let i = 0; lines.length < LINES; i++) {
    const id = i < 1000 ? `rule:Rule${i}` : undefined;
    if (id) {
        lines.push(`// @allium-begin ${id}`);
    }
    lines.push(...Array.from({ length: 45 }, (_, j) => `    step(${i}, ${j}); // line of code`));
    if (id) {
        lines.push(`// @allium-end ${id}`);
    }
}
const answer = lines.join('\n') + '\n';
const chunks = answer.match(/[\s\S]{1,200}/g);

const parser = new ClauseLinkParser();
const delta = new PreviewDelta();
const costs = [];
// One update per 40 ms of stream: about every 25 chunks of 200 characters.
for (let i = 0; i < chunks.length; i++) {
    parser.feed(chunks[i]);
    if (i % 25 === 24) {
        const state = { status: '', done: false, actions: [], files: parser.files.map(f => ({ path: f.path, text: f.text, language: 'typescript' })), regions: parser.regions.map(r => ({ ...r })) };
        const started = performance.now();
        const message = delta.next(state);
        JSON.stringify(message);
        costs.push(performance.now() - started);
    }
}
parser.end();
costs.sort((a, b) => a - b);
console.log(`preview delta at ${LINES} lines, ${parser.regions.length} regions: median ${costs[costs.length >> 1].toFixed(3)} ms, p99 ${costs[Math.floor(costs.length * 0.99)].toFixed(3)} ms, max ${costs[costs.length - 1].toFixed(3)} ms over ${costs.length} updates (target < 2 ms)`);

// The CLI streaming the same answer from a local Messages server, writing it under --out.
const server = createServer(async (req, res) => {
    for await (const _ of req) { /* drain */ }
    if (req.url.includes('count_tokens')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('{"input_tokens":1000}');
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    send('message_start', { message: { id: 'm', type: 'message', role: 'assistant', model: 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1000, output_tokens: 1 } } });
    send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    for (const text of chunks) {
        send('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
    }
    send('content_block_stop', { index: 0 });
    send('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: chunks.length } });
    send('message_stop', {});
    res.end();
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const dir = mkdtempSync(path.join(tmpdir(), 'allium-bench-preview-'));
writeFileSync(path.join(dir, 'spec.allium'), `-- allium: 3\n${Array.from({ length: 1000 }, (_, i) => `rule Rule${i} {\n    when: Rule${i}(x)\n    ensures: Done${i}(x: x)\n}\n`).join('')}`);
const rss = await new Promise(resolve => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'out/cli/allium.cjs'), 'generate', 'spec.allium', '--out', 'out'], {
        cwd: dir, env: { PATH: process.env.PATH, ANTHROPIC_API_KEY: 'sk-bench', ANTHROPIC_BASE_URL: `http://127.0.0.1:${server.address().port}` }, stdio: ['ignore', 'ignore', 'pipe']
    });
    let stderr = '';
    child.stderr.on('data', d => { stderr += d; });
    child.on('close', () => resolve(Number(stderr.trim().split('\n').pop()) / 1024));
});
server.close();
rmSync(dir, { recursive: true, force: true });
console.log(`CLI generate of a ${LINES}-line answer: peak RSS ${rss.toFixed(0)} MB (target < 200 MB)`);
