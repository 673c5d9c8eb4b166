import type * as ast from '../generated/ast.js';
import { conflictFindings } from './conflict-findings.js';
import { flowFindings } from './flow-findings.js';
import { invariantFindings } from './invariant-findings.js';
import { lifecyclesOf } from './lifecycle-facts.js';
import type { ProcessFinding } from './process-finding.js';

export type * from './process-finding.js';

/**
 * The process findings of one module, as `allium analyse` reports them: dead transitions, missing producers,
 * deadlocks, unreachable triggers, conflicting rules and invariant risks. They carry no source position; they are
 * ordered by type, then summary, then their whole JSON, so the same spec always gives the same list.
 * The module is read alone: a trigger qualified with an import alias counts as provided.
 */
export function processFindings(module: ast.Module): ProcessFinding[] {
    const facts = lifecyclesOf(module);
    const findings = [...flowFindings(module, facts), ...conflictFindings(module, facts), ...invariantFindings(module, facts)];
    const keyed = findings.map(finding => ({ finding, key: [finding.type, finding.summary, canonicalJson(finding)] }));
    keyed.sort((a, b) => compare(a.key[0], b.key[0]) || compare(a.key[1], b.key[1]) || compare(a.key[2], b.key[2]));
    return keyed.map(k => k.finding);
}

/** Code-point order, as the reference sorts strings. */
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with every object's keys in alphabetical order, the order the reference prints them in. */
export function canonicalJson(value: unknown, indent?: number): string {
    return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sortKeys);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map(k => [k, sortKeys((value as Record<string, unknown>)[k])]));
    }
    return value;
}
