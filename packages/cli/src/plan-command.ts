import * as path from 'node:path';
import { obligationsOf, type Obligation } from '@allium/generate';
import type { Module } from '@allium/language';
import { Checker } from './check.js';
import { reportUnreadable, resolveInputs, warnSkipped } from './input-files.js';
import { parseDiagnostics, type ReferenceDiagnostic } from './reference-diagnostics.js';

export const PLAN_USAGE = `Usage: allium plan [--json] <file-or-directory>...

Lists the test obligations a spec implies: one test per rule outcome and precondition, transition, invariant,
config default, field kind, surface clause and contract operation. Ids and categories are those of the reference
\`allium plan\`, so CI that reads them keeps working.
  --json  one file: {"diagnostics":[...],"obligations":[{category,description,id,source_construct,source_span,...}],"version":3}
          as the reference prints it; several files: {"files":[{"file","diagnostics","obligations"}]}
Diagnostics are syntax errors and a missing or unsupported \`-- allium: N\` marker, as the reference reports them
(other findings are \`allium check\`'s business); "version" is the marker's N, or null.
Exit status: 0 no error, 1 an error diagnostic in some file, 2 no input, bad arguments or a file that cannot be read
(the other files are still planned).`;

interface FilePlan {
    file: string;
    diagnostics: ReferenceDiagnostic[];
    obligations: Obligation[];
    version: number | null;
}

export async function runPlan(args: string[]): Promise<number> {
    const unknown = args.filter(a => a.startsWith('-') && a !== '--json');
    if (unknown.length > 0) {
        process.stderr.write(`Unknown option ${unknown.join(', ')}.\n${PLAN_USAGE}\n`);
        return 2;
    }
    const inputs = args.filter(a => !a.startsWith('-'));
    const files = await resolveInputs(inputs, warnSkipped);
    if (files.length === 0) {
        process.stderr.write(inputs.length === 0 ? `${PLAN_USAGE}\n` : 'No .allium files found for the given inputs.\n');
        return 2;
    }
    // A file given alone is named as given, as the reference does; files found in directories relative to the working directory.
    const single = files.length === 1 && inputs.length === 1 && path.resolve(inputs[0]) === files[0] ? inputs[0] : undefined;
    const checker = new Checker();
    const unreadable = reportUnreadable();
    const plans = await checker.inspect(files, process.cwd(), (document, findings): FilePlan => {
        const file = single ?? (path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath);
        return {
            file,
            ...parseDiagnostics(document, findings, file),
            obligations: obligationsOf(document.parseResult.value as Module, checker.services, { dependencies: true })
        };
    }, unreadable.report);
    if (args.includes('--json')) {
        const json = plans.length === 1 ? planJson(plans[0]) : { files: plans.map(p => ({ file: p.file, ...planJson(p) })) };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
        process.stdout.write(plans.map(formatHuman).join('\n'));
    }
    return unreadable.files.length > 0 ? 2 : plans.some(p => p.diagnostics.some(d => d.severity === 'error')) ? 1 : 0;
}

/** The reference's JSON: snake_case keys in alphabetical order, optional keys only when set. */
function planJson(plan: FilePlan): { diagnostics: ReferenceDiagnostic[]; obligations: Record<string, unknown>[]; version: number | null } {
    return {
        diagnostics: plan.diagnostics,
        obligations: plan.obligations.map(o => ({
            category: o.category,
            ...o.dependencies ? { dependencies: o.dependencies } : {},
            description: o.description,
            ...o.detail ? { detail: o.detail } : {},
            ...o.expression !== undefined ? { expression: o.expression } : {},
            id: o.id,
            source_construct: o.construct,
            source_span: { end: o.span.end, start: o.span.start }
        })),
        version: plan.version
    };
}

/** Obligations grouped by the declaration they belong to, each line `category  id  description`. */
function formatHuman(plan: FilePlan): string {
    const lines = [`${plan.file}: ${plan.obligations.length} obligation${plan.obligations.length === 1 ? '' : 's'}`];
    lines.push(...plan.diagnostics.map(d => `  ${d.location.file}:${d.location.line}:${d.location.col}: ${d.severity}: ${d.message}`));
    let owner: string | undefined;
    for (const obligation of plan.obligations) {
        if (obligation.owner !== owner) {
            owner = obligation.owner;
            lines.push(`  ${owner}`);
        }
        lines.push(`    ${obligation.category.padEnd(20)} ${obligation.id}  ${obligation.description}`);
    }
    return lines.join('\n') + '\n';
}
