import type { GenerationPrompt } from '../generation-prompt.js';
import { promptIdResolver } from '../run-generation.js';
import type { Region } from '../marker-parser.js';

/**
 * The trace record kept with generated code, at `.allium/trace.json` under the output root: for every clause and
 * obligation code was generated for, what the spec said then (the fingerprint of its text), by which model and
 * when. The markers in the code are the truth for where the code is; this record is the truth for what the spec
 * said. Later generations into the same root update their entries and keep the others.
 */
export const TRACE_FILE = '.allium/trace.json';
export const TRACE_VERSION = 1;

export interface TraceEntry {
    /** Of the clause's text when its code was generated; for an obligation, of its declaration's text. */
    fingerprint: string;
    model: string;
    /** ISO 8601. */
    generatedAt: string;
    /** Files (relative to the output root) holding its regions when they were written. */
    files: string[];
}

export interface ObligationEntry extends TraceEntry {
    category: string;
    owner: string;
}

export interface TraceRecord {
    version: typeof TRACE_VERSION;
    clauses: Record<string, TraceEntry>;
    obligations: Record<string, ObligationEntry>;
}

export function emptyTraceRecord(): TraceRecord {
    return { version: TRACE_VERSION, clauses: {}, obligations: {} };
}

/** Reads a trace record; a clear message when the text is not one (a hand-edited or foreign file). */
export function parseTraceRecord(text: string): TraceRecord | { error: string } {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        return { error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    const record = value as Partial<TraceRecord> | null;
    if (!record || typeof record !== 'object' || record.version !== TRACE_VERSION) {
        return { error: `not an Allium trace record of version ${TRACE_VERSION}` };
    }
    const entries = (map: unknown) => map && typeof map === 'object'
        ? Object.entries(map as Record<string, unknown>).filter(([, e]) => isEntry(e)) : [];
    return {
        version: TRACE_VERSION,
        clauses: Object.fromEntries(entries(record.clauses)) as Record<string, TraceEntry>,
        obligations: Object.fromEntries(entries(record.obligations)) as Record<string, ObligationEntry>
    };
}

function isEntry(value: unknown): value is TraceEntry {
    const entry = value as Partial<TraceEntry> | null;
    return !!entry && typeof entry.fingerprint === 'string' && typeof entry.model === 'string' && typeof entry.generatedAt === 'string'
        && Array.isArray(entry.files) && entry.files.every(f => typeof f === 'string');
}

export interface GenerationFacts {
    model: string;
    generatedAt: string;
    /** The regions written, with the paths of their files as written under the output root. */
    regions: ReadonlyArray<Pick<Region, 'clauseId' | 'file'>>;
}

/** The record after a generation: an entry for each clause and obligation it wrote code for, the rest kept. */
export function recordGeneration(previous: TraceRecord | undefined, prompt: Pick<GenerationPrompt, 'clauses' | 'obligations'>, facts: GenerationFacts): TraceRecord {
    const record: TraceRecord = previous ? { version: TRACE_VERSION, clauses: { ...previous.clauses }, obligations: { ...previous.obligations } } : emptyTraceRecord();
    const resolve = promptIdResolver(prompt);
    const files = new Map<string, Set<string>>();
    for (const region of facts.regions) {
        const id = resolve(region.clauseId);
        if (id) {
            files.set(id, (files.get(id) ?? new Set()).add(region.file));
        }
    }
    const entry = (id: string, fingerprint: string): TraceEntry => ({ fingerprint, model: facts.model, generatedAt: facts.generatedAt, files: [...files.get(id)!].sort() });
    for (const clause of prompt.clauses.filter(c => files.has(c.id))) {
        record.clauses[clause.id] = entry(clause.id, clause.fingerprint);
    }
    const ownerPrints = new Map(prompt.clauses.filter(c => c.id === c.owner).map(c => [c.id, c.fingerprint]));
    for (const obligation of prompt.obligations.filter(o => files.has(o.id) && ownerPrints.has(o.owner))) {
        record.obligations[obligation.id] = { ...entry(obligation.id, ownerPrints.get(obligation.owner)!), category: obligation.category, owner: obligation.owner };
    }
    return record;
}

/** Stable text: keys sorted, so a regeneration shows as a small diff in review. */
export function serialiseTraceRecord(record: TraceRecord): string {
    const sorted = <T>(map: Record<string, T>) => Object.fromEntries(Object.keys(map).sort().map(k => [k, map[k]]));
    return JSON.stringify({ version: record.version, clauses: sorted(record.clauses), obligations: sorted(record.obligations) }, null, 2) + '\n';
}
