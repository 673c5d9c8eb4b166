// Compares our checker with the reference `allium check` (v3.5.3) on every corpus file, per (file, line, code).
// Usage: node scripts/parity.mjs [--corpus DIR] [--expected DIR] [--details FILE]
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Checker } from '../packages/cli/out/check.js';
import { codeOfReference, SINCE_3_6_1 } from './fuzz/compare.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const corpus = path.resolve(arg('--corpus', '../shared/corpus'));
const expected = path.resolve(arg('--expected', '../shared/corpus-expected'));
const details = path.resolve(arg('--details', 'test-output/parity-details.txt'));

function alliumFiles(dir) {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? alliumFiles(full) : entry.endsWith('.allium') ? [full] : [];
    }).sort();
}

const checker = new Checker();
const tally = {};
const lines = [];
let filesAgreeing = 0;
let since361 = 0;
const files = alliumFiles(corpus);
for (const file of files) {
    const rel = path.relative(corpus, file);
    const reference = JSON.parse(readFileSync(path.join(expected, rel + '.json'), 'utf8')).diagnostics
        .map(d => ({ line: d.location.line, code: codeOfReference(d), severity: d.severity, message: d.message }));
    const all = (await checker.check([file], corpus)).map(f => ({ line: f.line, code: f.code ?? 'allium.syntax', severity: f.severity, message: f.message }));
    // What only reference 3.6.1 reports is no difference from 3.5.3's findings; it is counted apart.
    const ours = all.filter(f => !SINCE_3_6_1.has(f.code));
    since361 += all.length - ours.length;
    const unmatched = [...ours];
    const missed = [];
    for (const r of reference) {
        const i = unmatched.findIndex(o => o.code === r.code && o.line === r.line);
        if (i >= 0) {
            unmatched.splice(i, 1);
            count(r.severity, 'matched');
        } else {
            missed.push(r);
            count(r.severity, 'missed');
        }
    }
    for (const o of unmatched) {
        count(o.severity, 'extra');
    }
    if (missed.length === 0 && unmatched.length === 0) {
        filesAgreeing++;
    }
    for (const m of missed) lines.push(`MISSED ${rel}:${m.line} ${m.severity} ${m.code}: ${m.message}`);
    for (const e of unmatched) lines.push(`EXTRA  ${rel}:${e.line} ${e.severity} ${e.code}: ${e.message}`);
}

function count(severity, kind) {
    tally[severity] ??= { matched: 0, missed: 0, extra: 0 };
    tally[severity][kind]++;
}

mkdirSync(path.dirname(details), { recursive: true });
writeFileSync(details, lines.join('\n') + '\n');
let matched = 0, total = 0;
for (const severity of ['error', 'warning', 'info']) {
    const t = tally[severity] ?? { matched: 0, missed: 0, extra: 0 };
    matched += t.matched; total += t.matched + t.missed;
    console.log(`${severity.padEnd(8)} matched ${t.matched}  missed ${t.missed}  extra ${t.extra}`);
}
console.log(`reference findings matched: ${matched}/${total} (${(100 * matched / Math.max(1, total)).toFixed(1)}%)`);
console.log(`files in full agreement: ${filesAgreeing}/${files.length}`);
console.log(`left out, reported from reference 3.6.1 on (${[...SINCE_3_6_1].join(', ')}): ${since361}`);
console.log(`details: ${path.relative(process.cwd(), details)}`);
