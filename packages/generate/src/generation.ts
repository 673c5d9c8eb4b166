import * as ast from '@allium/language';
import { DEFAULT_MODEL } from './anthropic-stream.js';
import { buildPrompt, type PromptOptions } from './prompt.js';
import { runPrompt, type RunOptions, type RunResult } from './run-prompt.js';
import type { Clause } from './spec-clauses.js';

export { DEFAULT_MODEL };

export interface GenerationOptions extends PromptOptions, RunOptions {}

export interface GenerationResult extends RunResult {
    clauses: Clause[];
    /** Clauses no generated region is linked to. */
    uncovered: Clause[];
}

/** Prompt, stream and link in one go; never throws for API failures, which come back as `incomplete`. */
export async function generate(module: ast.Module, options: GenerationOptions): Promise<GenerationResult> {
    const prompt = buildPrompt(module, options);
    const result = await runPrompt(prompt, options);
    const linked = new Set(result.regions.map(r => r.clauseId));
    return { ...result, clauses: prompt.clauses, uncovered: prompt.clauses.filter(c => !linked.has(c.id)) };
}
