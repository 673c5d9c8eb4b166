import { idResolver } from './clause-ids.js';
import { messageContent, type GenerationPrompt, type PromptClause, type PromptObligation } from './generation-prompt.js';
import type { Region } from './marker-parser.js';
import { runPrompt, type RunOptions, type RunResult } from './run-prompt.js';

export interface Coverage {
    /** Clauses no generated region is linked to. */
    uncovered: PromptClause[];
    /** Obligations no generated test is linked to. */
    untested: PromptObligation[];
    /** Ids on markers that name nothing the request listed: reported, never taken as links. */
    unknownIds: string[];
}

export interface GenerationResult extends RunResult, Coverage {
    clauses: PromptClause[];
    obligations: PromptObligation[];
}

/**
 * Streams a prompt's answer (runPrompt: size, retries, continuations, cost), links it to the prompt's clauses and
 * obligations and measures coverage: the whole pipeline after the prompt, with no spec AST, so the CLI and the VS
 * Code client run this same code. API failures come back as `incomplete`, never thrown; whatever arrived before
 * stays in `files`.
 */
export async function runGeneration(prompt: GenerationPrompt, options: RunOptions): Promise<GenerationResult> {
    const result = await runPrompt(messageContent(prompt), options);
    return { ...result, clauses: prompt.clauses, obligations: prompt.obligations, ...coverage(prompt, result.regions) };
}

/** Which clauses and obligations the regions link to, and which marker ids name neither. */
export function coverage(prompt: Pick<GenerationPrompt, 'clauses' | 'obligations'>, regions: readonly Region[]): Coverage {
    const resolve = promptIdResolver(prompt);
    const linked = new Set<string>();
    const unknown = new Set<string>();
    for (const region of regions) {
        const id = resolve(region.clauseId);
        if (id) {
            linked.add(id);
        } else {
            unknown.add(region.clauseId);
        }
    }
    return {
        uncovered: prompt.clauses.filter(c => !linked.has(c.id)),
        untested: prompt.obligations.filter(o => !linked.has(o.id)),
        unknownIds: [...unknown]
    };
}

/** The id of the prompt's clauses and obligations a marker means (see {@link idResolver}). */
export function promptIdResolver(prompt: Pick<GenerationPrompt, 'clauses' | 'obligations'>): (markerId: string) => string | undefined {
    return idResolver([...prompt.clauses.map(c => c.id), ...prompt.obligations.map(o => o.id)]);
}
