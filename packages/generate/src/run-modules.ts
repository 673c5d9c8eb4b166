import { coverage, runGeneration, type GenerationResult } from './run-generation.js';
import type { GenerationPrompt } from './generation-prompt.js';
import type { GeneratedFile, Region } from './marker-parser.js';
import type { RunOptions } from './run-prompt.js';

export interface ModuleRunOptions extends RunOptions {
    /** Before each module's request: its place in the order. */
    onModule?: (module: string, index: number, total: number) => void;
}

/** Lines that declare what other code can use: exported or public types, functions, classes, constants. */
const API_LINE = /^(?:export\s|public\s|pub(?:\(crate\))?\s|(?:data |sealed |abstract |open )?class\s|interface\s|object\s|(?:suspend )?fun\s|def\s|func\s|type\s|struct\s|enum\s|trait\s|impl\s|const\s|val\s|module\.exports)/;
const API_LINES_PER_MODULE = 300;

/**
 * Generates a spec set module by module in import order: each request carries the same cached prefix and, after its
 * task, the public API of the files the earlier modules produced, so later modules use it rather than invent their
 * own. Stops at the first module whose answer is incomplete; the result holds everything so far, its coverage over
 * every module's clauses and obligations, and usage and cost summed.
 */
export async function runModules(prompts: ReadonlyArray<{ module: string; prompt: GenerationPrompt }>, options: ModuleRunOptions): Promise<GenerationResult> {
    const files = new Map<string, GeneratedFile>();
    const regions = new Map<string, Region[]>();
    let merged: GenerationResult | undefined;
    for (const [index, { module, prompt }] of prompts.entries()) {
        options.onModule?.(module, index, prompts.length);
        const api = publicApi([...files.values()]);
        const request = api ? `${prompt.request}\n\n## Already generated (use it; do not write these files again)\n\nThe earlier modules of the set are implemented; their public API:\n\n${api}` : prompt.request;
        const result = await runGeneration({ ...prompt, request }, options);
        for (const file of result.files) {
            files.set(file.path, file);
            regions.set(file.path, result.regions.filter(r => r.file === file.path));
        }
        merged = merge(merged, result);
        if (result.incomplete) {
            break;
        }
    }
    if (!merged) {
        throw new Error('A set with no module has nothing to generate.');
    }
    const all = { clauses: prompts.flatMap(p => p.prompt.clauses), obligations: prompts.flatMap(p => p.prompt.obligations) };
    const allRegions = [...regions.values()].flat();
    return { ...merged, files: [...files.values()], regions: allRegions, ...all, ...coverage(all, allRegions) };
}

function merge(total: GenerationResult | undefined, next: GenerationResult): GenerationResult {
    if (!total) {
        return next;
    }
    const sum = (a?: number, b?: number) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
    const usage = total.usage && next.usage ? {
        inputTokens: total.usage.inputTokens + next.usage.inputTokens, outputTokens: total.usage.outputTokens + next.usage.outputTokens,
        cacheReadTokens: total.usage.cacheReadTokens + next.usage.cacheReadTokens, cacheWriteTokens: total.usage.cacheWriteTokens + next.usage.cacheWriteTokens
    } : total.usage ?? next.usage;
    return {
        ...next,
        notes: [total.notes, next.notes].filter(n => n).join('\n\n'),
        assumptions: [...total.assumptions, ...next.assumptions],
        usage, cost: sum(total.cost, next.cost), rounds: total.rounds + next.rounds
    };
}

/** The declaring lines of the files so far, per file: what a later module may call. */
function publicApi(files: GeneratedFile[]): string {
    return files.map(file => {
        const lines = file.text.split('\n').map(l => l.trimEnd()).filter(l => API_LINE.test(l)).slice(0, API_LINES_PER_MODULE);
        return lines.length ? `${file.path}:\n${lines.map(l => `    ${l}`).join('\n')}` : '';
    }).filter(s => s).join('\n\n');
}
