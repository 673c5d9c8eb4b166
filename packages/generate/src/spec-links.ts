import type { AstNode } from 'langium';
import { formatClauseId, qualifyClauseId } from './clause-ids.js';
import { clausesOf, type Clause, type ClauseOptions } from './spec-clauses.js';
import { obligationsOf } from './obligations/index.js';
import type { PromptClause, PromptObligation } from './generation-prompt.js';
import type { SpecModule, SpecSet } from './spec-set.js';

/** A clause of a spec set with the node it is, for features that point into the spec. */
export interface SetClause extends PromptClause {
    node: AstNode;
}

/** The clauses code can be linked to, of the given modules of a set (its own files by default), ids qualified. */
export function setClauses(set: SpecSet, modules: readonly SpecModule[] = set.selected, options?: ClauseOptions): SetClause[] {
    return modules.flatMap(m => clausesOf(m.module, m.name, options).map(c => linkOf(c, m)));
}

function linkOf(clause: Clause, module: SpecModule): SetClause {
    return { id: clause.id, owner: clause.owner, uri: module.uri, range: clause.range, fingerprint: clause.fingerprint, node: clause.node };
}

/** The test obligations `allium plan` derives for the modules, with the ids their test markers carry. */
export function setObligations(set: SpecSet, modules: readonly SpecModule[] = set.selected): PromptObligation[] {
    return modules.flatMap(m => obligationsOf(m.module, set.services).map(o => ({
        id: qualifyClauseId(m.name, formatClauseId([{ keyword: 'test', name: o.id }])),
        obligation: o.id,
        category: o.category,
        owner: qualifyClauseId(m.name, o.owner),
        description: o.description
    })));
}
