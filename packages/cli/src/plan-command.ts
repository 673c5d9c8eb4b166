import * as path from 'node:path';
import { obligationsOf, type Obligation } from '@allium/generate';
import type { Module } from '@allium/language';
import { Checker, type Finding } from './check.js';
import { resolveInputs, warnSkipped } from './input-files.js';

export const PLAN_USAGE = `Usage: allium plan [--json] <file-or-directory>...

Lists the test obligations a spec implies: one test per rule outcome and precondition, transition, invariant,
config default, field kind, surface clause and contract operation. Ids and categories are those of the reference
\`allium plan\`, so CI that reads them keeps working.
  --json  one file: {"diagnostics":[...],"obligations":[{category,description,id,source_construct,source_span,...}]}
          as the reference prints it; several files: {"files":[{"file","diagnostics","obligations"}]}
Diagnostics are the syntax errors, as the reference reports them (other findings are \`allium check\`'s business).
Exit status: 0 no syntax error, 1 a syntax error in some file, 2 no input or bad arguments.`;

interface FilePlan {
    file: string;
    diagnostics: ReferenceDiagnostic[];
    obligations: Obligation[];
}

/** A syntax error in the shape of the reference's `allium plan` diagnostics. */
interface ReferenceDiagnostic {
    code: null;
    location: { col: number; file: string; line: number };
    message: string;
    severity: 'error';
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
    // One file is named as given, as the reference does; files found in directories relative to the working directory.
    const single = files.length === 1 && inputs.length === 1 ? inputs[0] : undefined;
    const checker = new Checker();
    const plans = await checker.inspect(files, process.cwd(), (document, findings): FilePlan => {
        const file = single ?? (path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath);
        return {
            file,
            diagnostics: findings.filter(f => f.code === 'allium.syntax').map(f => referenceDiagnostic(f, file)),
            obligations: obligationsOf(document.parseResult.value as Module, checker.services)
        };
    });
    if (args.includes('--json')) {
        const json = plans.length === 1 ? planJson(plans[0]) : { files: plans.map(p => ({ file: p.file, ...planJson(p) })) };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
        process.stdout.write(plans.map(formatHuman).join('\n'));
    }
    return plans.some(p => p.diagnostics.length > 0) ? 1 : 0;
}

function referenceDiagnostic(finding: Finding, file: string): ReferenceDiagnostic {
    return { code: null, location: { col: finding.column, file, line: finding.line }, message: finding.message, severity: 'error' };
}

/** The reference's JSON: snake_case keys in alphabetical order, optional keys only when set. */
function planJson(plan: FilePlan): { diagnostics: ReferenceDiagnostic[]; obligations: Record<string, unknown>[] } {
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
        }))
    };
}

/** Obligations grouped by the declaration they belong to, each line `category  id  description`. */
function formatHuman(plan: FilePlan): string {
    const lines = [`${plan.file}: ${plan.obligations.length} obligation${plan.obligations.length === 1 ? '' : 's'}`];
    lines.push(...plan.diagnostics.map(d => `  ${d.location.file}:${d.location.line}:${d.location.col}: error: ${d.message}`));
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
