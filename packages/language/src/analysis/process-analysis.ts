import type { LangiumCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { importedDocument } from '../scoping/imports.js';
import { canonicalJson } from './canonical-json.js';
import { conflictFindings } from './conflict-findings.js';
import { flowFindings, offeredTriggers } from './flow-findings.js';
import { invariantFindings } from './invariant-findings.js';
import { lifecyclesOf } from './lifecycle-facts.js';
import type { ProcessFinding } from './process-finding.js';

export type * from './process-finding.js';
export { canonicalJson } from './canonical-json.js';

/**
 * The process findings of one module, as `allium analyse` reports them: dead transitions, missing producers,
 * deadlocks, unreachable triggers, conflicting rules and invariant risks. They carry no source position; they are
 * ordered by type, then summary, then their whole JSON, so the same spec always gives the same list.
 * With `services`, the triggers the modules it imports (those in the workspace) offer are reachable here; a trigger
 * of an import that is not at hand counts as reachable.
 */
export function processFindings(module: ast.Module, services?: LangiumCoreServices): ProcessFinding[] {
    const facts = lifecyclesOf(module);
    const imported = new Map<string, Set<string>>();
    for (const use of services ? module.declarations.filter(ast.isUseDecl) : []) {
        const document = use.name ? importedDocument(services!, use) : undefined;
        if (document) {
            imported.set(use.name!, offeredTriggers(document.parseResult.value as ast.Module));
        }
    }
    const findings = [...flowFindings(module, facts, imported), ...conflictFindings(module, facts), ...invariantFindings(module, facts)];
    const keyed = findings.map(finding => ({ finding, key: [finding.type, finding.summary, canonicalJson(finding)] }));
    keyed.sort((a, b) => compare(a.key[0], b.key[0]) || compare(a.key[1], b.key[1]) || compare(a.key[2], b.key[2]));
    return keyed.map(k => k.finding);
}

/** Code-point order, as the reference sorts strings. */
function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
