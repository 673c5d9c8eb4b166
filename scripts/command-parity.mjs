// Compares our `allium parse`, `allium model` and `allium analyse` with the reference CLI's (v3.5.3) on every corpus
// file, each file on its own as the reference sees it.
//   parse:   the declarations of the two trees, matched in order by kind and name; of the matched, those with the
//            same span (UTF-8 bytes) and the same name span. The trees differ below declarations (docs/parity.md).
//   model:   entities, value types, enums and config parameters matched by name; of the matched, those equal
//            key for key; files whose whole model (all but diagnostics) is equal; the version.
//   analyse: findings matched by type and summary; of the matched, those equal key for key. The reference lists
//            affected entities from a hash set and finds a cycle by walking one, so their order is not compared and
//            a cycle is compared by whether there is one and the states on it.
// The specs of the analysis unit tests (packages/language/test/fixtures/analysis), one per kind of finding, are
// compared too and reported apart: the corpus has no dead transition and no invariant risk.
// With --generated N it does the same on N specs made as parity:fuzz makes them (seeded by --seed: generated
// specs and mutated corpus specs), reported apart from the corpus.
// Usage: node scripts/command-parity.mjs [--corpus DIR] [--reference PATH] [--details FILE] [--generated N] [--seed S]
// Needs a current build (npm run build): it loads packages/*/out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { canonicalJson, processFindings } from '../packages/language/out/index.js';
import { Checker } from '../packages/cli/out/check.js';
import { modelJson } from '../packages/cli/out/model-command.js';
import { parseJson } from '../packages/cli/out/parse-command.js';
import { parseDiagnostics } from '../packages/cli/out/reference-diagnostics.js';
import { generateSpec } from './fuzz/generate.mjs';
import { mutateSpec } from './fuzz/mutate.mjs';
import { Random } from './fuzz/random.mjs';

const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
const corpus = path.resolve(arg('--corpus', '../shared/corpus'));
const reference = path.resolve(arg('--reference', '../shared/reference-checker/allium'));
const details = path.resolve(arg('--details', 'test-output/command-parity-details.txt'));
const generated = Number(arg('--generated', '0'));
const seed = Number(arg('--seed', '1'));

function alliumFiles(dir) {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? alliumFiles(full) : entry.endsWith('.allium') ? [full] : [];
    }).sort();
}

function referenceJson(command, file) {
    const run = spawnSync(reference, [command, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.error || !run.stdout) {
        throw new Error(`${reference} ${command} ${file} failed: ${run.error?.message ?? run.stderr}`);
    }
    return { json: JSON.parse(run.stdout), status: run.status };
}

const same = (a, b) => canonicalJson(a) === canonicalJson(b);
const lines = [];
const tally = () => ({ reference: 0, matched: 0, equal: 0, missing: 0, extra: 0 });

// parse: the reference's declarations are {"Block": {kind, name, span}} or {"Use": {...}}, {"Variant": {...}}, ...
const OUR_KIND = {
    UseDecl: 'Use', ValueDecl: 'Value', EnumDecl: 'Enum', VariantDecl: 'Variant', GivenDecl: 'Given', ConfigDecl: 'Config',
    RuleDecl: 'Rule', SurfaceDecl: 'Surface', ActorDecl: 'Actor', ContractDecl: 'Contract', InvariantDecl: 'Invariant',
    DefaultDecl: 'Default', DeferredDecl: 'Deferred', OpenQuestion: 'OpenQuestion'
};
const ourKind = d => d.$type === 'EntityDecl' ? (d.external ? 'ExternalEntity' : 'Entity') : OUR_KIND[d.$type] ?? d.$type;
// A qualified `oauth/config { ... }` is, in the reference, a config block named after the import alias.
const ourName = d => d.$type === 'ConfigDecl' ? d.qualifiedName?.split('/')[0] ?? null : d.name ?? null;
// ... and its name is the alias, where `oauth/config` starts.
const ourNameSpan = d => d.$type === 'ConfigDecl' && d.qualifiedName
    ? { start: d.span.start, end: d.span.start + Buffer.byteLength(ourName(d)) } : d.nameSpan ?? null;
function referenceDeclaration(d) {
    const [variant, body] = Object.entries(d)[0];
    const kind = variant === 'Block' ? body.kind : variant;
    const name = body.name && typeof body.name === 'object' ? body.name.name : body.alias?.name ?? null;
    return { kind, name, span: body.span, nameSpan: body.name && typeof body.name === 'object' ? body.name.span : body.alias?.span ?? null };
}

// model: lists whose items are matched by name.
const MODEL_LISTS = ['entities', 'value_types', 'enums', 'config'];

// analyse
const bucket = () => ({
    parseTally: { files: 0, filesEqual: 0, ...tally(), spanEqual: 0, nameSpanEqual: 0, named: 0, clean: 0, cleanEqual: 0 },
    modelTally: Object.fromEntries(MODEL_LISTS.map(list => [list, tally()])),
    modelFiles: { files: 0, equal: 0, version: 0, clean: 0, cleanEqual: 0 },
    analyseTally: {},
    analyseFiles: { files: 0, equal: 0, exit: 0, clean: 0, cleanEqual: 0 }
});
const normalised = finding => ({ ...finding, affected_entities: [...finding.affected_entities ?? []].sort(),
    ...'cycle' in finding ? { cycle: finding.cycle ? [...new Set(finding.cycle)].sort() : null } : {} });

const checker = new Checker();
async function compare(file, rel, { parseTally, modelTally, modelFiles, analyseTally, analyseFiles }) {
    const theirs = { parse: referenceJson('parse', file), model: referenceJson('model', file), analyse: referenceJson('analyse', file) };
    const [ours] = await checker.inspect([file], corpus, (document, findings) => {
        const { diagnostics, version } = parseDiagnostics(document, findings, rel);
        return { parse: parseJson(document, diagnostics, version), model: modelJson(document, diagnostics, version), findings: processFindings(document.parseResult.value, checker.services) };
    });

    // parse
    parseTally.files++;
    const refDecls = theirs.parse.json.module.declarations.map(referenceDeclaration);
    const ourDecls = ours.parse.module.declarations.map(d => ({ kind: ourKind(d), name: ourName(d), span: d.span, nameSpan: ourNameSpan(d) }));
    let fileEqual = refDecls.length === ourDecls.length;
    let next = 0;
    for (const r of refDecls) {
        parseTally.reference++;
        const at = ourDecls.findIndex((o, i) => i >= next && o.kind === r.kind && o.name === r.name);
        if (at < 0) {
            parseTally.missing++;
            fileEqual = false;
            lines.push(`PARSE   MISSING ${rel} ${r.kind} ${r.name} ${JSON.stringify(r.span)}`);
            continue;
        }
        for (const skipped of ourDecls.slice(next, at)) {
            parseTally.extra++;
            lines.push(`PARSE   EXTRA   ${rel} ${skipped.kind} ${skipped.name}`);
        }
        next = at + 1;
        parseTally.matched++;
        if (r.nameSpan) {
            parseTally.named++;
            if (same(r.nameSpan, ourDecls[at].nameSpan)) {
                parseTally.nameSpanEqual++;
            } else {
                fileEqual = false;
                lines.push(`PARSE   NAME    ${rel} ${r.kind} ${r.name}: reference ${JSON.stringify(r.nameSpan)}, ours ${JSON.stringify(ourDecls[at].nameSpan)}`);
            }
        }
        if (same(r.span, ourDecls[at].span)) {
            parseTally.spanEqual++;
        } else {
            fileEqual = false;
            lines.push(`PARSE   SPAN    ${rel} ${r.kind} ${r.name}: reference ${JSON.stringify(r.span)}, ours ${JSON.stringify(ourDecls[at].span)}`);
        }
    }
    for (const skipped of ourDecls.slice(next)) {
        parseTally.extra++;
        fileEqual = false;
        lines.push(`PARSE   EXTRA   ${rel} ${skipped.kind} ${skipped.name}`);
    }
    parseTally.filesEqual += fileEqual ? 1 : 0;
    // Specs the reference parses without an error: where the two parsers' recoveries from a syntax error play no part.
    const clean = !theirs.parse.json.diagnostics.some(d => d.severity === 'Error');
    parseTally.clean += clean ? 1 : 0;
    parseTally.cleanEqual += clean && fileEqual ? 1 : 0;

    // model
    modelFiles.files++;
    const refModel = theirs.model.json;
    const ourModel = ours.model;
    modelFiles.version += refModel.version === ourModel.version ? 1 : 0;
    const withoutDiagnostics = m => Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'diagnostics'));
    const modelEqual = same(withoutDiagnostics(refModel), withoutDiagnostics(ourModel));
    modelFiles.equal += modelEqual ? 1 : 0;
    modelFiles.clean += clean ? 1 : 0;
    modelFiles.cleanEqual += clean && modelEqual ? 1 : 0;
    for (const list of MODEL_LISTS) {
        const t = modelTally[list];
        const unmatched = [...ourModel[list] ?? []];
        for (const r of refModel[list] ?? []) {
            t.reference++;
            const at = unmatched.findIndex(o => o.name === r.name);
            if (at < 0) {
                t.missing++;
                lines.push(`MODEL   MISSING ${rel} ${list} ${r.name}`);
                continue;
            }
            t.matched++;
            const [o] = unmatched.splice(at, 1);
            if (same(r, o)) {
                t.equal++;
            } else {
                lines.push(`MODEL   DIFFERS ${rel} ${list} ${r.name}:\n          reference ${canonicalJson(r)}\n          ours      ${canonicalJson(o)}`);
            }
        }
        for (const o of unmatched) {
            t.extra++;
            lines.push(`MODEL   EXTRA   ${rel} ${list} ${o.name}`);
        }
    }

    // analyse
    analyseFiles.files++;
    const refFindings = theirs.analyse.json.findings;
    const unmatched = [...ours.findings];
    let allEqual = refFindings.length === unmatched.length;
    for (const r of refFindings) {
        const t = analyseTally[r.type] ??= tally();
        t.reference++;
        const at = unmatched.findIndex(o => o.type === r.type && o.summary === r.summary);
        if (at < 0) {
            t.missing++;
            allEqual = false;
            lines.push(`ANALYSE MISSING ${rel} ${r.summary}`);
            continue;
        }
        t.matched++;
        const [o] = unmatched.splice(at, 1);
        if (same(normalised(r), normalised(o))) {
            t.equal++;
        } else {
            allEqual = false;
            lines.push(`ANALYSE DIFFERS ${rel} ${r.summary}:\n          reference ${canonicalJson(r)}\n          ours      ${canonicalJson(o)}`);
        }
    }
    for (const o of unmatched) {
        (analyseTally[o.type] ??= tally()).extra++;
        lines.push(`ANALYSE EXTRA   ${rel} ${o.summary}`);
    }
    analyseFiles.equal += allEqual ? 1 : 0;
    analyseFiles.clean += clean ? 1 : 0;
    analyseFiles.cleanEqual += clean && allEqual ? 1 : 0;
    analyseFiles.exit += (theirs.analyse.status === 1) === (ours.findings.length > 0) ? 1 : 0;
}

const corpusFigures = bucket();
for (const file of alliumFiles(corpus)) {
    await compare(file, path.relative(corpus, file), corpusFigures);
}
const fixtures = path.resolve('packages/language/test/fixtures/analysis');
const fixtureFigures = bucket();
for (const file of alliumFiles(fixtures)) {
    await compare(file, path.relative(process.cwd(), file), fixtureFigures);
}
const generatedFigures = bucket();
if (generated > 0) {
    const dir = path.join(path.dirname(details), 'command-parity-specs');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const sources = alliumFiles(corpus).filter(f => !f.includes(`${path.sep}synthetic${path.sep}`)).map(f => readFileSync(f, 'utf8'));
    const rng = new Random(seed);
    for (let i = 0; i < generated; i++) {
        const file = path.join(dir, `${String(i).padStart(5, '0')}.allium`);
        writeFileSync(file, rng.chance(0.4) ? generateSpec(rng) : mutateSpec(rng, rng.pick(sources)).text);
        await compare(file, path.relative(process.cwd(), file), generatedFigures);
    }
}

const pct = (n, d) => `${n} of ${d} (${(100 * n / Math.max(1, d)).toFixed(1)} %)`;
function report(title, { parseTally, modelTally, modelFiles, analyseTally, analyseFiles }) {
    console.log(`# ${title}\n\n## parse (${parseTally.files} files)\n`);
    console.log(`Declarations matched by kind and name: ${pct(parseTally.matched, parseTally.reference)}; missing ${parseTally.missing}, extra ${parseTally.extra}.`);
    console.log(`Of the matched, same span: ${pct(parseTally.spanEqual, parseTally.matched)}; of those with a name, same name span: ${pct(parseTally.nameSpanEqual, parseTally.named)}. Files with every declaration and span equal: ${pct(parseTally.filesEqual, parseTally.files)}.`);
    console.log(`Of the files the reference parses without an error: ${pct(parseTally.cleanEqual, parseTally.clean)} with every declaration and span equal.`);
    console.log(`\n## model (${modelFiles.files} files)\n`);
    console.log('| list | reference | matched | equal | missing | extra |\n| --- | --- | --- | --- | --- | --- |');
    for (const [list, t] of Object.entries(modelTally)) {
        console.log(`| ${list} | ${t.reference} | ${t.matched} | ${t.equal} | ${t.missing} | ${t.extra} |`);
    }
    console.log(`\nFiles whose model is equal (all but diagnostics): ${pct(modelFiles.equal, modelFiles.files)}; same version: ${pct(modelFiles.version, modelFiles.files)}.`);
    console.log(`Of the files the reference parses without an error: ${pct(modelFiles.cleanEqual, modelFiles.clean)} equal.`);
    console.log(`\n## analyse (${analyseFiles.files} files)\n`);
    console.log('| finding | reference | matched | equal | missing | extra |\n| --- | --- | --- | --- | --- | --- |');
    const totals = tally();
    for (const [type, t] of Object.entries(analyseTally).sort((a, b) => b[1].reference - a[1].reference)) {
        console.log(`| ${type} | ${t.reference} | ${t.matched} | ${t.equal} | ${t.missing} | ${t.extra} |`);
        Object.keys(totals).forEach(k => { totals[k] += t[k]; });
    }
    console.log(`| all | ${totals.reference} | ${totals.matched} | ${totals.equal} | ${totals.missing} | ${totals.extra} |`);
    console.log(`\nFiles whose findings are all equal: ${pct(analyseFiles.equal, analyseFiles.files)}; same exit status: ${pct(analyseFiles.exit, analyseFiles.files)}.`);
    console.log(`Of the files the reference parses without an error: ${pct(analyseFiles.cleanEqual, analyseFiles.clean)} with all findings equal.\n`);
}
report(`Corpus (${corpus})`, corpusFigures);
report(`Analysis test specs (${path.relative(process.cwd(), fixtures)})`, fixtureFigures);
if (generated > 0) {
    report(`Generated and mutated specs (--generated ${generated} --seed ${seed})`, generatedFigures);
}
mkdirSync(path.dirname(details), { recursive: true });
writeFileSync(details, lines.join('\n') + '\n');
console.log(`\n${lines.length} differences: ${path.relative(process.cwd(), details)}`);
