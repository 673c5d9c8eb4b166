import { domainModelOf, type Module } from '@allium/language';
import type { LangiumDocument } from 'langium';
import type { ReferenceDiagnostic } from './reference-diagnostics.js';
import { runSingleSpec } from './single-spec.js';

export const MODEL_USAGE = `Usage: allium model <file.allium>

Prints the domain model of a spec as JSON, in the shape of the reference \`allium model\`:
  {"diagnostics":[...],"entities":[{name,kind,fields:[{name,type_expr,optional,enum_values,when_set,constraints}],
   relationships,projections,derived_values,transition_graphs,invariants}],"value_types":[...],"enums":[...],
   "config":[{name,type_expr,default_expr}],"version":3}
Keys with nothing to say are left out. Diagnostics are syntax errors and a missing or unsupported
\`-- allium: N\` marker; "version" is the marker's N, or null.
Exit status: 0 no error, 1 an error diagnostic or an unreadable file, 2 bad arguments.`;

export function runModel(args: string[]): Promise<number> {
    return runSingleSpec(args, MODEL_USAGE, modelJson);
}

/** What `allium model` prints for a document (before its keys are ordered). */
export function modelJson(document: LangiumDocument, diagnostics: ReferenceDiagnostic[], version: number | null): object {
    const model = domainModelOf(document.parseResult.value as Module);
    return {
        diagnostics,
        // As the reference does, an empty list is left out.
        ...Object.fromEntries(Object.entries(model).filter(([, list]) => list.length > 0)),
        version
    };
}
