import { buildPrompt, type PromptOptions } from './prompt.js';
import type { GenerationPrompt } from './generation-prompt.js';
import type { SpecSet } from './spec-set.js';

/**
 * One prompt per module of the set, in import order, for sets bigger than one answer: each implements its module
 * whole and shares the cached prefix (the spec of the whole set) with the others.
 */
export function modulePrompts(set: SpecSet, options: Omit<PromptOptions, 'selection' | 'modules'>): Array<{ module: string; prompt: GenerationPrompt }> {
    return set.selected.map(m => ({ module: m.name, prompt: buildPrompt(set, { ...options, modules: [m.name] }) }));
}
