// Copies the shared corpus into test/corpus, so `npm test` runs on a fresh clone without ../shared, and reduces the
// reference checker's output to the facts the tests compare (file, line, severity, code), without its messages.
// Usage: node scripts/corpus-snapshot.mjs [--corpus DIR] [--expected DIR]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const corpus = path.resolve(arg('--corpus', '../shared/corpus'));
const expected = path.resolve(arg('--expected', '../shared/corpus-expected'));
const target = path.resolve('test/corpus');

function alliumFiles(dir) {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? alliumFiles(full) : entry.endsWith('.allium') ? [full] : [];
    }).sort();
}

const keep = new Set(['README.md', 'LICENSE', 'expected-findings.json']);
for (const entry of readdirSync(target)) {
    if (!keep.has(entry)) {
        rmSync(path.join(target, entry), { recursive: true, force: true });
    }
}
const findings = {};
for (const file of alliumFiles(corpus)) {
    const rel = path.relative(corpus, file);
    mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
    cpSync(file, path.join(target, rel));
    findings[rel.split(path.sep).join('/')] = JSON.parse(readFileSync(path.join(expected, rel + '.json'), 'utf8')).diagnostics
        .map(d => [d.location.line, d.location.col, d.severity, d.code]);
}
cpSync(path.join(corpus, 'reference-examples/INDEX.tsv'), path.join(target, 'reference-examples/INDEX.tsv'));
writeFileSync(path.join(target, 'expected-findings.json'), JSON.stringify(findings, null, 0).replace(/\],"/g, '],\n"') + '\n');
console.log(`${Object.keys(findings).length} files copied to ${path.relative(process.cwd(), target)}`);
