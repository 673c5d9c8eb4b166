// Differential testing against the reference `allium check`: generated specs and mutated corpus specs are checked
// by both, and their first syntax-error lines, errors on specs the reference accepts, and coded findings compared.
// Seeded: the same --seed and --count give the same specs. Each kind of difference is minimised (lines removed
// while it persists) and written to --out/cases.
// The reference's findings are kept in --cache, by its version and the spec's text, so a second run of the same
// specs checks only ours.
// Usage: node scripts/parity-fuzz.mjs [--seed 1] [--count 5000] [--corpus DIR] [--reference BIN] [--out DIR] [--minimise 40] [--cache FILE]
import { execFileSync, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Checker } from '../packages/cli/out/check.js';
import { generateSpec } from './fuzz/generate.mjs';
import { mutateSpec } from './fuzz/mutate.mjs';
import { codeOfReference, differences, firstSyntaxLine, SINCE_3_6_1 } from './fuzz/compare.mjs';
import { Random } from './fuzz/random.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const seed = Number(arg('--seed', '1'));
const count = Number(arg('--count', '5000'));
const corpus = path.resolve(arg('--corpus', '../shared/corpus'));
const referenceBin = path.resolve(arg('--reference', '../shared/reference-checker/allium'));
const out = path.resolve(arg('--out', 'test-output/fuzz'));
const minimiseLimit = Number(arg('--minimise', '40'));
const cacheFile = path.resolve(arg('--cache', 'test-output/fuzz-reference-cache.json'));
const specsDir = path.join(out, 'specs');
const casesDir = path.join(out, 'cases');
const run = promisify(execFile);

function alliumFiles(dir) {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? alliumFiles(full) : entry.endsWith('.allium') ? [full] : [];
    }).sort();
}

// Stress files are too big to mutate usefully and slow to minimise.
const sources = alliumFiles(corpus).filter(f => !f.includes(`${path.sep}synthetic${path.sep}`)).map(f => readFileSync(f, 'utf8'));
const rng = new Random(seed);
const specs = [];
for (let i = 0; i < count; i++) {
    if (rng.chance(0.4)) {
        specs.push({ text: generateSpec(rng), origin: 'generated' });
    } else {
        const { text, applied } = mutateSpec(rng, rng.pick(sources));
        specs.push({ text, origin: applied.join('+') });
    }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(specsDir, { recursive: true });
mkdirSync(casesDir, { recursive: true });
specs.forEach((spec, i) => {
    spec.file = path.join(specsDir, `${String(i).padStart(5, '0')}.allium`);
    writeFileSync(spec.file, spec.text);
});

/** The reference's findings for one file, in our finding shape; it exits 1 when it finds anything. */
function fromReference(stdout) {
    return JSON.parse(stdout).diagnostics.map(d => ({
        line: d.location.line, column: d.location.col, severity: d.severity, code: codeOfReference(d), message: d.message
    }));
}

async function referenceFindings(file) {
    const { stdout } = await run(referenceBin, ['check', path.basename(file)], { cwd: path.dirname(file), maxBuffer: 1 << 26 }).catch(e => e);
    return fromReference(stdout);
}

function referenceFindingsSync(file) {
    let stdout;
    try {
        stdout = execFileSync(referenceBin, ['check', path.basename(file)], { cwd: path.dirname(file), maxBuffer: 1 << 26 });
    } catch (e) {
        stdout = e.stdout;
    }
    return fromReference(String(stdout));
}

// The reference, a few processes at a time; ours, in this process, one file per check like the reference run.
const started = Date.now();
const referenceVersion = execFileSync(referenceBin, ['--version'], { encoding: 'utf8' }).trim();
const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
const cacheKey = text => createHash('sha256').update(`${referenceVersion}\n${text}`).digest('hex');
const unknown = specs.filter(spec => !(spec.reference = cache[cacheKey(spec.text)]));
for (let i = 0; i < unknown.length; i += 8) {
    await Promise.all(unknown.slice(i, i + 8).map(async spec => { spec.reference = cache[cacheKey(spec.text)] = await referenceFindings(spec.file); }));
}
if (unknown.length > 0) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
}
const referenceMs = Date.now() - started;
const checker = new Checker();
for (const spec of specs) {
    spec.ours = await checker.check([spec.file], specsDir);
}
const oursMs = Date.now() - started - referenceMs;

const totals = { specs: specs.length, syntaxAgree: 0, accepted: 0, falseErrorSpecs: 0, matched: 0, missed: 0, extra: 0, since361: 0 };
// Findings after a syntax error depend on how each parser recovers; on specs that parse for both they should not.
const parsed = { specs: 0, matched: 0, missed: 0, extra: 0 };
const bySignature = new Map();
for (const spec of specs) {
    const d = differences(spec.reference, spec.ours);
    spec.differences = d.found;
    totals.syntaxAgree += d.syntaxAgrees ? 1 : 0;
    totals.accepted += d.referenceAccepts ? 1 : 0;
    totals.falseErrorSpecs += d.found.some(f => f.kind === 'false-error') ? 1 : 0;
    totals.matched += d.matched;
    totals.missed += d.missed;
    totals.extra += d.extra;
    totals.since361 += d.since361;
    if (firstSyntaxLine(spec.reference) === 0 && firstSyntaxLine(spec.ours) === 0) {
        parsed.specs++;
        parsed.matched += d.matched;
        parsed.missed += d.missed;
        parsed.extra += d.extra;
    }
    for (const f of d.found) {
        const entry = bySignature.get(f.signature) ?? { count: 0, specs: [] };
        entry.count++;
        entry.specs.push(spec);
        bySignature.set(f.signature, entry);
    }
}

/**
 * Removes lines (halves, then quarters, ... then single lines) while the spec still shows `signature`. The version
 * marker stays, so the case is read in the language version it was found in.
 */
async function minimise(text, signature) {
    const scratch = path.join(casesDir, 'scratch.allium');
    const shows = async lines => {
        writeFileSync(scratch, lines.join('\n') + '\n');
        const d = differences(referenceFindingsSync(scratch), await checker.check([scratch], casesDir));
        return d.found.some(f => f.signature === signature);
    };
    const all = text.replace(/\n$/, '').split('\n');
    const header = /^--\s*allium:/.test(all[0]) ? all.slice(0, 1) : [];
    let lines = all.slice(header.length);
    for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1; chunk >>= 1) {
        for (let at = lines.length - chunk; at >= 0; at -= chunk) {
            const candidate = [...lines.slice(0, at), ...lines.slice(at + chunk)];
            if (candidate.length > 0 && await shows([...header, ...candidate])) {
                lines = candidate;
            }
        }
    }
    rmSync(scratch, { force: true });
    return [...header, ...lines].join('\n') + '\n';
}

const report = [];
const ranked = [...bySignature.entries()].sort((a, b) => b[1].count - a[1].count);
let minimised = 0;
for (const [signature, entry] of ranked) {
    const example = entry.specs.reduce((a, b) => (a.text.length <= b.text.length ? a : b));
    const slug = signature.replace(/[^a-zA-Z0-9.]+/g, '_');
    report.push(`${String(entry.count).padStart(5)}  ${signature}  (e.g. ${path.basename(example.file)}, ${example.origin})`);
    if (minimised++ < minimiseLimit) {
        const text = await minimise(example.text, signature);
        writeFileSync(path.join(casesDir, `${slug}.allium`), text);
        const file = path.join(casesDir, `${slug}.allium`);
        const d = differences(referenceFindingsSync(file), await checker.check([file], casesDir));
        writeFileSync(path.join(casesDir, `${slug}.txt`), d.found.filter(f => f.signature === signature).map(f => f.detail).join('\n') + '\n');
    }
}

const percent = (a, b) => `${(100 * a / Math.max(1, b)).toFixed(2)}%`;
const codedTotal = totals.matched + totals.missed + totals.extra;
const summary = [
    `seed ${seed}, ${totals.specs} specs (reference ${(referenceMs / 1000).toFixed(1)} s for ${unknown.length} not cached, ours ${(oursMs / 1000).toFixed(1)} s)`,
    `false errors on reference-accepted specs: ${totals.falseErrorSpecs} of ${totals.accepted} specs (target 0)`,
    `first syntax-error line within one line: ${totals.syntaxAgree}/${totals.specs} = ${percent(totals.syntaxAgree, totals.specs)} (target >= 99%)`,
    `coded findings matched: ${totals.matched}/${codedTotal} = ${percent(totals.matched, codedTotal)} (missed ${totals.missed}, extra ${totals.extra}; target >= 97%)`,
    `  on the ${parsed.specs} specs without syntax errors: ${parsed.matched}/${parsed.matched + parsed.missed + parsed.extra} = ${percent(parsed.matched, parsed.matched + parsed.missed + parsed.extra)} (missed ${parsed.missed}, extra ${parsed.extra})`,
    `  left out, reported from reference 3.6.1 on (${[...SINCE_3_6_1].join(', ')}): ${totals.since361}`,
    '',
    'differences by kind (count, signature, smallest example):',
    ...report
];
writeFileSync(path.join(out, 'report.txt'), summary.join('\n') + '\n');
writeFileSync(path.join(out, 'differences.jsonl'), specs.filter(s => s.differences.length > 0)
    .map(s => JSON.stringify({ file: path.basename(s.file), origin: s.origin, differences: s.differences.map(f => f.detail) })).join('\n') + '\n');
console.log(summary.join('\n'));
console.log(`\nminimal cases: ${path.relative(process.cwd(), casesDir)}`);
