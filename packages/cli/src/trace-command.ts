import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import { loadSpecSet, setClauses, setObligations, traceNeedsWork, traceReport, traceResult } from '@allium/generate';
import { resolveInputs, warnSkipped } from './input-files.js';
import { readGeneratedCode } from './code-files.js';

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
    const { regions, records } = await readGeneratedCode(codeRoot, (file, why) => process.stderr.write(`Ignored ${path.relative(process.cwd(), file)}: ${why}.\n`));
    const report = traceReport({ clauses: setClauses(set), obligations: setObligations(set), regions, records, expectAll: true });
    const result = traceResult(report, args.code, relative);
    process.stdout.write(args.json ? JSON.stringify(result.structured, null, 2) + '\n' : result.text + '\n');
    return args.strict && traceNeedsWork(result.structured) ? 1 : 0;
}

const relative = (uri: string) => path.relative(process.cwd(), URI.parse(uri).fsPath) || URI.parse(uri).fsPath;
