import { idResolver, splitClauseId } from '../clause-ids.js';
import type { PromptClause, PromptObligation } from '../generation-prompt.js';
import type { CodeRegion } from './code-markers.js';
import type { ObligationEntry, TraceEntry, TraceRecord } from './trace-record.js';

/** A region of saved code, with the file it is in. */
export interface LocatedRegion extends CodeRegion {
    uri: string;
}

export interface TraceInput {
    /** The clauses of the spec as it is now. */
    clauses: readonly PromptClause[];
    obligations: readonly PromptObligation[];
    /** The regions of the code as it is now. */
    regions: readonly LocatedRegion[];
    records: readonly TraceRecord[];
    /**
     * Every clause is expected to have code (`allium trace` pointed at a code folder); otherwise only those of modules
     * some code or record was generated for, so a spec nobody generated from stays quiet in the editor.
     */
    expectAll?: boolean;
}

export type ClauseState = 'implemented' | 'drifted' | 'unimplemented' | 'untraced';
export type ObligationState = 'tested' | 'drifted' | 'untested' | 'untraced';

export interface ClauseStatus {
    clause: PromptClause;
    implementations: LocatedRegion[];
    /** For a declaration: the tests of the obligations it owns. */
    tests: LocatedRegion[];
    recorded?: TraceEntry;
    /**
     * `drifted`: the clause changed since its code was generated; `unimplemented`: its module has generated code but
     * this clause none; `untraced`: nothing of its module was generated, so nothing is expected.
     */
    state: ClauseState;
}

export interface ObligationStatus {
    obligation: PromptObligation;
    tests: LocatedRegion[];
    recorded?: ObligationEntry;
    state: ObligationState;
}

export interface TraceReport {
    clauses: ClauseStatus[];
    obligations: ObligationStatus[];
    /** Markers naming no clause or obligation of the spec (renamed or deleted since). */
    unknownMarkers: LocatedRegion[];
}

/**
 * How the spec and the code generated from it stand: where each clause is implemented and tested, which clauses
 * changed since (their fingerprint differs from the one recorded when their code was generated), which have no
 * code, which obligations no test, and which markers name nothing that exists.
 */
export function traceReport(input: TraceInput): TraceReport {
    const resolve = idResolver([...input.clauses.map(c => c.id), ...input.obligations.map(o => o.id)]);
    const byId = new Map<string, LocatedRegion[]>();
    const unknownMarkers: LocatedRegion[] = [];
    for (const region of input.regions) {
        const id = resolve(region.id);
        if (id) {
            pushTo(byId, id, region);
        } else {
            unknownMarkers.push(region);
        }
    }
    const recordedClauses = new Map<string, TraceEntry>();
    const recordedObligations = new Map<string, ObligationEntry>();
    for (const record of input.records) {
        Object.entries(record.clauses).forEach(([id, entry]) => newest(recordedClauses, id, entry));
        Object.entries(record.obligations).forEach(([id, entry]) => newest(recordedObligations, id, entry));
    }
    const tracedModules = new Set([...byId.keys(), ...recordedClauses.keys(), ...recordedObligations.keys()].map(id => splitClauseId(id).module));
    const traced = { has: (module: string | undefined) => input.expectAll || tracedModules.has(module) };
    const ownerPrints = new Map(input.clauses.filter(c => c.id === c.owner).map(c => [c.id, c.fingerprint]));
    const obligations = input.obligations.map((obligation): ObligationStatus => {
        const tests = byId.get(obligation.id) ?? [];
        const recorded = recordedObligations.get(obligation.id);
        const state: ObligationState = recorded && recorded.fingerprint !== ownerPrints.get(obligation.owner) ? 'drifted'
            : tests.length ? 'tested' : traced.has(splitClauseId(obligation.id).module) ? 'untested' : 'untraced';
        return { obligation, tests, recorded, state };
    });
    // Grouped once: a declaration's tests are those of its obligations, and a spec has hundreds of each.
    const owned = obligationsByOwner(obligations);
    const clauses = input.clauses.map((clause): ClauseStatus => {
        const implementations = byId.get(clause.id) ?? [];
        const recorded = recordedClauses.get(clause.id);
        const tests = clause.id === clause.owner ? (owned.get(clause.id) ?? []).flatMap(o => o.tests) : [];
        const state: ClauseState = recorded && recorded.fingerprint !== clause.fingerprint ? 'drifted'
            : implementations.length ? 'implemented' : traced.has(splitClauseId(clause.id).module) ? 'unimplemented' : 'untraced';
        return { clause, implementations, tests, recorded, state };
    });
    return { clauses, obligations, unknownMarkers };
}

/** The obligations of each declaration (by its clause id), in their order. */
export function obligationsByOwner(obligations: readonly ObligationStatus[]): Map<string, ObligationStatus[]> {
    const owned = new Map<string, ObligationStatus[]>();
    for (const status of obligations) {
        pushTo(owned, status.obligation.owner, status);
    }
    return owned;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

/** Keeps the entry of the latest generation where several records name the same id. */
function newest<T extends TraceEntry>(map: Map<string, T>, id: string, entry: T): void {
    const known = map.get(id);
    if (!known || known.generatedAt < entry.generatedAt) {
        map.set(id, entry);
    }
}
