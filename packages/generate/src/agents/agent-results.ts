/**
 * What the agent tools answer, as data and as the text an agent reads, built the same way by `allium mcp`, the
 * language server and `allium trace`. Files are named as the caller shows them (relative to its root); nothing
 * here reads a file or a syntax tree, so the VS Code client can import it.
 */
import { promptText, type GenerationPrompt } from '../generation-prompt.js';
import type { LocatedRegion, TraceReport } from '../trace/trace-status.js';
import type { AgentToolResult } from './agent-protocol.js';

/** One finding, in the shape of the reference CLI's `check --json`. */
export interface AgentFinding {
    file: string;
    line: number;
    column: number;
    severity: 'error' | 'warning' | 'info';
    code: string | null;
    message: string;
}

export interface CheckResult {
    files: string[];
    diagnostics: AgentFinding[];
    summary: { files: number; errors: number; warnings: number; infos: number };
}

export function checkResult(files: readonly string[], diagnostics: readonly AgentFinding[]): AgentToolResult<CheckResult> {
    const count = (severity: AgentFinding['severity']) => diagnostics.filter(d => d.severity === severity).length;
    const structured: CheckResult = {
        files: [...files],
        diagnostics: [...diagnostics],
        summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') }
    };
    const { summary } = structured;
    const lines = diagnostics.map(f => `${f.file}:${f.line}:${f.column}: ${f.severity}${f.code ? `[${f.code}]` : ''}: ${f.message}`);
    lines.push(`${summary.files} file${summary.files === 1 ? '' : 's'} checked: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos.`);
    return { text: lines.join('\n'), structured };
}

/** A test obligation as `allium plan` names it (id and category are the reference's). */
export interface PlanObligation {
    id: string;
    category: string;
    /** The declaration it belongs to, e.g. `rule:ShipOrder`. */
    owner: string;
    description: string;
    /** The reference's `source_construct`. */
    construct: string;
}

export interface PlanResult {
    files: Array<{ file: string; obligations: PlanObligation[] }>;
    /** Files that were listed and could not be read (not UTF-8, gone), with why; absent when there are none. */
    unreadable?: Array<{ file: string; reason: string }>;
    summary: { files: number; obligations: number };
}

export function planResult(files: PlanResult['files'], unreadable: NonNullable<PlanResult['unreadable']> = []): AgentToolResult<PlanResult> {
    const structured: PlanResult = {
        files,
        ...unreadable.length > 0 ? { unreadable } : {},
        summary: { files: files.length, obligations: files.reduce((n, f) => n + f.obligations.length, 0) }
    };
    const lines = unreadable.map(({ file, reason }) => `${file}: not planned: ${reason}`);
    for (const { file, obligations } of files) {
        lines.push(`${file}: ${obligations.length} obligation${obligations.length === 1 ? '' : 's'}`);
        let owner: string | undefined;
        for (const obligation of obligations) {
            if (obligation.owner !== owner) {
                owner = obligation.owner;
                lines.push(`  ${owner}`);
            }
            lines.push(`    ${obligation.category.padEnd(20)} ${obligation.id}  ${obligation.description}`);
        }
    }
    return { text: lines.join('\n'), structured };
}

/** A top-level declaration with its source text. */
export interface DeclarationSource {
    /** Qualified with its module: `orders::rule:ShipOrder`. */
    id: string;
    file: string;
    /** 1-based line of its first line. */
    line: number;
    source: string;
}

export interface DeclarationResult {
    declaration: DeclarationSource;
    /** What it refers to, transitively and across `use`: what a reader (or an implementation) must agree with. */
    dependencies: DeclarationSource[];
    /** Declarations around it: surfaces providing its trigger, other listeners, invariants over its entities, ... */
    context: DeclarationSource[];
}

export function declarationResult(structured: DeclarationResult): AgentToolResult<DeclarationResult> {
    const block = (d: DeclarationSource) => `${d.id} (${d.file}:${d.line})\n${d.source}`;
    const section = (title: string, items: DeclarationSource[]) => items.length ? [`# ${title}`, ...items.map(block)] : [`# ${title}: none`];
    return {
        text: [block(structured.declaration), ...section('Depends on', structured.dependencies), ...section('Context', structured.context)].join('\n\n'),
        structured
    };
}

export type PromptResult = GenerationPrompt;

export function promptResult(prompt: GenerationPrompt): AgentToolResult<PromptResult> {
    return { text: promptText(prompt), structured: prompt };
}

interface RegionLocation {
    file: string;
    line: number;
    endLine: number;
}

/** `allium trace --json`: how the specs and the code generated from them stand (docs/generation-protocol.md). */
export interface TraceResult {
    code: string;
    clauses: Array<{
        id: string; owner: string; spec: string; line: number; state: string; fingerprint: string; recordedFingerprint: string | null;
        implementations: RegionLocation[]; tests: RegionLocation[];
    }>;
    obligations: Array<{ id: string; obligation: string; category: string; owner: string; description: string; state: string; tests: RegionLocation[] }>;
    unknownMarkers: Array<{ id: string } & RegionLocation>;
    summary: {
        clauses: number; implemented: number; drifted: number; unimplemented: number;
        obligations: number; tested: number; untested: number; obligationsDrifted: number; unknownMarkers: number;
    };
}

/** The trace report with files named by `relative` (a URI to what the caller shows); `code` names the code folder. */
export function traceResult(report: TraceReport, code: string, relative: (uri: string) => string): AgentToolResult<TraceResult> {
    const location = (r: LocatedRegion): RegionLocation => ({ file: relative(r.uri), line: r.beginLine + 1, endLine: r.endLine + 1 });
    const clauses = (state: string) => report.clauses.filter(c => c.state === state).length;
    const obligations = (state: string) => report.obligations.filter(o => o.state === state).length;
    const structured: TraceResult = {
        code,
        clauses: report.clauses.map(({ clause, state, recorded, implementations, tests }) => ({
            id: clause.id, owner: clause.owner, spec: relative(clause.uri), line: clause.range.start.line + 1, state,
            fingerprint: clause.fingerprint, recordedFingerprint: recorded?.fingerprint ?? null,
            implementations: implementations.map(location), tests: tests.map(location)
        })),
        obligations: report.obligations.map(({ obligation, state, tests }) => ({
            id: obligation.id, obligation: obligation.obligation, category: obligation.category, owner: obligation.owner,
            description: obligation.description, state, tests: tests.map(location)
        })),
        unknownMarkers: report.unknownMarkers.map(r => ({ id: r.id, ...location(r) })),
        summary: {
            clauses: report.clauses.length, implemented: clauses('implemented'), drifted: clauses('drifted'), unimplemented: clauses('unimplemented'),
            obligations: report.obligations.length, tested: obligations('tested'), untested: obligations('untested'), obligationsDrifted: obligations('drifted'),
            unknownMarkers: report.unknownMarkers.length
        }
    };
    return { text: traceText(structured), structured };
}

/** Whether `allium trace --strict` fails: something drifted, has no code or test, or a marker names nothing. */
export function traceNeedsWork({ summary: s }: TraceResult): boolean {
    return s.drifted + s.unimplemented + s.untested + s.obligationsDrifted + s.unknownMarkers > 0;
}

function traceText(result: TraceResult): string {
    const lines: string[] = [];
    const at = (r: RegionLocation) => `${r.file}:${r.line}`;
    for (const c of result.clauses.filter(c => c.state === 'drifted' || c.state === 'unimplemented')) {
        lines.push(c.state === 'drifted'
            ? `drifted        ${c.id} (${c.spec}:${c.line}): changed since its code was generated${c.implementations.length ? ` (${c.implementations.map(at).join(', ')})` : ''}`
            : `unimplemented  ${c.id} (${c.spec}:${c.line}): no code carries its markers`);
    }
    for (const o of result.obligations.filter(o => o.state !== 'tested')) {
        lines.push(`${o.state === 'drifted' ? 'test drifted ' : 'untested     '}  ${o.id} (${o.category}): ${o.description}`);
    }
    for (const r of result.unknownMarkers) {
        lines.push(`unknown marker ${at(r)} names ${r.id}, which the spec does not declare`);
    }
    const s = result.summary;
    lines.push(`Clauses: ${s.implemented}/${s.clauses} implemented, ${s.drifted} drifted, ${s.unimplemented} without code. `
        + `Obligations: ${s.tested}/${s.obligations} tested${s.obligationsDrifted ? `, ${s.obligationsDrifted} drifted` : ''}. Unknown markers: ${s.unknownMarkers}. (code: ${result.code})`);
    return lines.join('\n');
}
