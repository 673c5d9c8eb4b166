// Per-chunk cost of the clause-link pipeline on a large streamed answer (about 2 MB in 5-50 byte chunks).
import { ClauseLinkParser } from '../packages/generate/out/index.js';

const lines = ['=== FILE: src/generated.ts ==='];
for (let i = 0; lines.join('\n').length < 2_000_000 && i < 100_000; i++) {
    lines.push(`// @allium-begin rule:Rule${i}/ensures#1`, `export function rule${i}(order: Order): void {`, `    order.status = 'shipped'; // step ${i}`, '}', `// @allium-end rule:Rule${i}/ensures#1`);
}
const output = lines.join('\n') + '\n';
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const chunks = [];
for (let at = 0; at < output.length;) {
    const size = 5 + Math.floor(random() * 46);
    chunks.push(output.slice(at, at + size));
    at += size;
}

const parser = new ClauseLinkParser();
const times = new Float64Array(chunks.length);
for (let i = 0; i < chunks.length; i++) {
    const start = process.hrtime.bigint();
    parser.feed(chunks[i]);
    times[i] = Number(process.hrtime.bigint() - start) / 1000;
}
parser.end();
times.sort();
const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(`generation pipeline: ${chunks.length} chunks, ${(output.length / 1e6).toFixed(1)} MB, ${parser.regions.length} linked regions; per chunk median ${at(0.5).toFixed(1)} µs, p95 ${at(0.95).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs, max ${(times[times.length - 1] / 1000).toFixed(2)} ms`);
