import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import {
    loadSpecSet, parseTraceRecord, scanMarkers, setClauses, setObligations, TRACE_FILE, traceReport,
    type LocatedRegion, type TraceRecord, type TraceReport
} from '@allium/generate';
import { resolveInputs, warnSkipped } from './input-files.js';
import { codeFiles } from './code-files.js';

export const TRACE_USAGE = `Usage: allium trace <spec files or folders>... --code <dir> [--json] [--strict]

Reports, for each clause and test obligation of the specs, the generated code and tests linked to it (by the
@allium-begin/@allium-end markers in the code under --code) and whether the clause changed since its code was
generated (the fingerprints kept in .allium/trace.json).
  --json    print the report as JSON (shape in docs/generation-protocol.md)
  --strict  exit 1 when a clause drifted or has no code, an obligation has no test, or a marker names nothing
Exit status: 0 (1 with --strict and something to fix), 2 bad input.`;

interface TraceArgs {
    inputs: string[];
    code: string;
    json: boolean;
    strict: boolean;
}

export function parseTraceArgs(args: string[]): TraceArgs | string {
    const parsed: TraceArgs = { inputs: [], code: '', json: false, strict: false };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--code') {
            parsed.code = args[++i] ?? '';
        } else if (arg === '--json') {
            parsed.json = true;
        } else if (arg === '--strict') {
            parsed.strict = true;
        } else if (arg.startsWith('-')) {
            return `Unknown option '${arg}'.`;
        } else {
            parsed.inputs.push(arg);
        }
    }
    if (!parsed.code) {
        return 'Name the folder of the generated code with --code <dir>.';
    }
    return parsed.inputs.length ? parsed : 'No spec file or folder given.';
}

export async function runTrace(args: TraceArgs): Promise<number> {
    const specs = await resolveInputs(args.inputs, warnSkipped);
    const codeRoot = path.resolve(args.code);
    if (specs.length === 0 || !(await fs.stat(codeRoot).catch(() => undefined))?.isDirectory()) {
        process.stderr.write(specs.length === 0 ? `No .allium files found in ${args.inputs.join(', ')}.\n` : `${args.code} is not a folder.\n`);
        return 2;
    }
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    const set = await loadSpecSet(Allium, specs.map(f => URI.file(f)));
    const regions: LocatedRegion[] = [];
    const records: TraceRecord[] = [];
    for (const file of await codeFiles(codeRoot)) {
        const text = await fs.readFile(file, 'utf8').catch(() => '');
        if (file.endsWith(path.join(...TRACE_FILE.split('/')))) {
            const record = parseTraceRecord(text);
            if ('error' in record) {
                process.stderr.write(`Ignored ${path.relative(process.cwd(), file)}: ${record.error}.\n`);
            } else {
                records.push(record);
            }
        } else if (text.includes('@allium-')) {
            regions.push(...scanMarkers(text).map(r => ({ ...r, uri: URI.file(file).toString() })));
        }
    }
    const report = traceReport({ clauses: setClauses(set), obligations: setObligations(set), regions, records, expectAll: true });
    process.stdout.write(args.json ? JSON.stringify(toJson(report, args), null, 2) + '\n' : toText(report, args));
    const summary = summarise(report);
    return args.strict && summary.drifted + summary.unimplemented + summary.untested + summary.obligationsDrifted + summary.unknownMarkers > 0 ? 1 : 0;
}

const relative = (uri: string) => path.relative(process.cwd(), URI.parse(uri).fsPath) || URI.parse(uri).fsPath;
const location = (r: LocatedRegion) => ({ file: relative(r.uri), line: r.beginLine + 1, endLine: r.endLine + 1 });

function summarise(report: TraceReport) {
    const clauses = (state: string) => report.clauses.filter(c => c.state === state).length;
    const obligations = (state: string) => report.obligations.filter(o => o.state === state).length;
    return {
        clauses: report.clauses.length, implemented: clauses('implemented'), drifted: clauses('drifted'), unimplemented: clauses('unimplemented'),
        obligations: report.obligations.length, tested: obligations('tested'), untested: obligations('untested'), obligationsDrifted: obligations('drifted'),
        unknownMarkers: report.unknownMarkers.length
    };
}

function toJson(report: TraceReport, args: TraceArgs) {
    return {
        code: args.code,
        clauses: report.clauses.map(c => ({
            id: c.clause.id, owner: c.clause.owner, spec: relative(c.clause.uri), line: c.clause.range.start.line + 1, state: c.state,
            fingerprint: c.clause.fingerprint, recordedFingerprint: c.recorded?.fingerprint ?? null,
            implementations: c.implementations.map(location), tests: c.tests.map(location)
        })),
        obligations: report.obligations.map(o => ({
            id: o.obligation.id, obligation: o.obligation.obligation, category: o.obligation.category, owner: o.obligation.owner, state: o.state,
            tests: o.tests.map(location)
        })),
        unknownMarkers: report.unknownMarkers.map(r => ({ id: r.id, ...location(r) })),
        summary: summarise(report)
    };
}

function toText(report: TraceReport, args: TraceArgs): string {
    const lines: string[] = [];
    for (const c of report.clauses.filter(c => c.state === 'drifted' || c.state === 'unimplemented')) {
        const where = `${relative(c.clause.uri)}:${c.clause.range.start.line + 1}`;
        lines.push(c.state === 'drifted'
            ? `drifted        ${c.clause.id} (${where}): changed since its code was generated${c.implementations.length ? ` (${c.implementations.map(r => `${location(r).file}:${location(r).line}`).join(', ')})` : ''}`
            : `unimplemented  ${c.clause.id} (${where}): no code carries its markers`);
    }
    for (const o of report.obligations.filter(o => o.state !== 'tested')) {
        lines.push(`${o.state === 'drifted' ? 'test drifted ' : 'untested     '}  ${o.obligation.id} (${o.obligation.category}): ${o.obligation.description}`);
    }
    for (const r of report.unknownMarkers) {
        lines.push(`unknown marker ${location(r).file}:${location(r).line} names ${r.id}, which the spec does not declare`);
    }
    const s = summarise(report);
    lines.push(`Clauses: ${s.implemented}/${s.clauses} implemented, ${s.drifted} drifted, ${s.unimplemented} without code. `
        + `Obligations: ${s.tested}/${s.obligations} tested${s.obligationsDrifted ? `, ${s.obligationsDrifted} drifted` : ''}. Unknown markers: ${s.unknownMarkers}. (code: ${args.code})`);
    return lines.join('\n') + '\n';
}
