import type { GenerationPrompt } from './generation-prompt.js';

export interface ExistingRegion {
    /** The file's path as the generation wrote it (relative to the output root). */
    path: string;
    /** The region as it is now, its marker lines included. */
    text: string;
}

/**
 * Turns the prompt of a declaration into one that regenerates a single clause: the spec and the rest of the request
 * stay (so the cached prefix is the same), the clause's current code is the context, and the answer is one file
 * holding only the new region, markers included, ready to replace the old one.
 */
export function regenerationPrompt(base: GenerationPrompt, clauseId: string, existing: ExistingRegion): GenerationPrompt {
    const request = `${base.request}

# Regenerate one clause

The spec of \`${clauseId}\` changed since this code was generated. Regenerate only that clause's code so that it
implements the clause as the spec says it now, keeping the names, types and style of the surrounding code. Its current
code, in \`${existing.path}\`:

${existing.text}

Answer with exactly one file line, \`=== FILE: ${existing.path} ===\`, followed by only the new code of the clause wrapped
in its markers (\`@allium-begin ${clauseId}\` ... \`@allium-end ${clauseId}\`), indented as the current code is. Nothing
else: no other clauses, no tests, no notes.`;
    return { ...base, request, clauses: base.clauses.filter(c => c.id === clauseId), obligations: [] };
}
