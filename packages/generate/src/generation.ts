import { buildPrompt, type PromptOptions } from './prompt.js';
import { runGeneration, type GenerationResult, type RunOptions } from './run-generation.js';
import type { SpecSet } from './spec-set.js';

/** Prompt, stream and link in one go for the CLI; never throws for API failures, which come back as `incomplete`. */
export async function generate(set: SpecSet, options: PromptOptions & RunOptions): Promise<GenerationResult> {
    return runGeneration(buildPrompt(set, options), options);
}
