import { buildPrompt, type PromptOptions } from './prompt.js';
import { runGeneration, type GenerationResult } from './run-generation.js';
import type { RunOptions } from './run-prompt.js';
import type { SpecSet } from './spec-set.js';

export type GenerationOptions = PromptOptions & RunOptions;

/** Prompt, stream and link in one go; never throws for API failures, which come back as `incomplete`. */
export async function generate(set: SpecSet, options: GenerationOptions): Promise<GenerationResult> {
    return runGeneration(buildPrompt(set, options), options);
}
