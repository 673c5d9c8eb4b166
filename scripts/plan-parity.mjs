// Compares our `allium plan` obligations with the reference CLI's (v3.5.3) on every corpus file, each file on its
// own as the reference sees it. Obligations are matched by (file, id); a match counts when the categories agree.
// For matched obligations it also counts those whose span, detail, dependencies and expression agree.
// Usage: node scripts/plan-parity.mjs [--corpus DIR] [--reference PATH] [--details FILE]
// Needs a current build (npm run build): it loads packages/*/out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Checker } from '../packages/cli/out/check.js';
import { obligationsOf } from '../packages/generate/out/index.js';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const corpus = path.resolve(arg('--corpus', '../shared/corpus'));
const reference = path.resolve(arg('--reference', '../shared/reference-checker/allium'));
const details = path.resolve(arg('--details', 'test-output/plan-parity-details.txt'));

function alliumFiles(dir) {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? alliumFiles(full) : entry.endsWith('.allium') ? [full] : [];
    }).sort();
}

function referencePlan(file) {
    const run = spawnSync(reference, ['plan', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error || !run.stdout) {
        throw new Error(`${reference} plan ${file} failed: ${run.error?.message ?? run.stderr}`);
    }
    return JSON.parse(run.stdout).obligations;
}

const checker = new Checker();
/** Per category: reference count, matched, missing (absent or another category), extra. */
const tally = {};
const row = category => tally[category] ??= { reference: 0, matched: 0, missing: 0, extra: 0 };
const totals = { all: { reference: 0, matched: 0 }, handWritten: { reference: 0, matched: 0 } };
/** Of the matched obligations, how many agree in each further part of the reference's output. */
const PARTS = { span: o => o.source_span, detail: o => o.detail, dependencies: o => o.dependencies, expression: o => o.expression };
const agreeing = Object.fromEntries(Object.keys(PARTS).map(part => [part, 0]));
const ourJson = o => ({ source_span: { end: o.span.end, start: o.span.start }, detail: o.detail, dependencies: o.dependencies, expression: o.expression });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const lines = [];
const matchedIds = {};
for (const file of alliumFiles(corpus)) {
    const rel = path.relative(corpus, file);
    const theirs = referencePlan(file);
    const [ours] = await checker.inspect([file], corpus, document => obligationsOf(document.parseResult.value, checker.services, { dependencies: true }));
    const unmatched = [...ours];
    for (const r of theirs) {
        row(r.category).reference++;
        const i = unmatched.findIndex(o => o.id === r.id);
        const found = i >= 0 && unmatched[i].category === r.category;
        if (found) {
            const ours = ourJson(unmatched[i]);
            for (const [part, of] of Object.entries(PARTS)) {
                if (same(of(r), of(ours))) {
                    agreeing[part]++;
                } else {
                    lines.push(`${part.toUpperCase().padEnd(7)} ${rel} ${r.id}: reference ${JSON.stringify(of(r))}, ours ${JSON.stringify(of(ours))}`);
                }
            }
        }
        if (i >= 0) {
            unmatched.splice(i, 1);
        }
        row(r.category)[found ? 'matched' : 'missing']++;
        for (const t of rel.startsWith('synthetic') ? [totals.all] : [totals.all, totals.handWritten]) {
            t.reference++;
            t.matched += found ? 1 : 0;
        }
        if (found) {
            (matchedIds[r.category] ??= []).push(`${rel} ${r.id}`);
        } else {
            lines.push(`MISSING ${rel} ${r.id} (${r.category})${i >= 0 ? ' ours has another category' : ''}`);
        }
    }
    for (const o of unmatched) {
        row(o.category).extra++;
        lines.push(`EXTRA   ${rel} ${o.id} (${o.category})`);
    }
}

const percent = t => `${t.matched} of ${t.reference} (${(100 * t.matched / Math.max(1, t.reference)).toFixed(1)} %)`;
console.log('| category | reference | matched | missing | extra |\n| --- | --- | --- | --- | --- |');
for (const [category, t] of Object.entries(tally).sort((a, b) => b[1].reference - a[1].reference)) {
    console.log(`| ${category} | ${t.reference} | ${t.matched} | ${t.missing} | ${t.extra} |`);
}
console.log(`\nAll corpus files: ${percent(totals.all)} reference obligations found with the same category.`);
console.log(`Without synthetic/: ${percent(totals.handWritten)}.`);
console.log(`Of the matched: ${Object.entries(agreeing).map(([part, n]) => `${n} agree in ${part}`).join(', ')}.`);
const differences = lines.filter(line => /^(MISSING|EXTRA)/.test(line));
console.log(differences.length === 0 ? '\nNo missing or extra obligation.' : `\nMissing and extra:\n${differences.join('\n')}`);
mkdirSync(path.dirname(details), { recursive: true });
writeFileSync(details, [...lines, '', ...Object.entries(matchedIds).flatMap(([c, ids]) => [`MATCHED ${c}:`, ...ids.map(id => `  ${id}`)])].join('\n') + '\n');
console.log(`\nAll differences, and the matched ids per category: ${path.relative(process.cwd(), details)}`);
