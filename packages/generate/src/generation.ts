import * as ast from '@allium/language';
import { DEFAULT_MODEL, streamMessage, GenerationError, type GenerationErrorKind, type Usage } from './anthropic-stream.js';

export { DEFAULT_MODEL };
import { ClauseLinkParser, type GeneratedFile, type PreviewEvent, type Region } from './marker-parser.js';
import { buildPrompt, type PromptOptions } from './prompt.js';
import type { Clause } from './spec-clauses.js';

export interface GenerationOptions extends PromptOptions {
    apiKey: string | undefined;
    baseURL?: string;
    model?: string;
    maxTokens?: number;
    signal?: AbortSignal;
    onEvents?: (events: PreviewEvent[]) => void;
}

export interface GenerationResult {
    files: GeneratedFile[];
    regions: Region[];
    clauses: Clause[];
    /** Clauses no generated region is linked to. */
    uncovered: Clause[];
    usage?: Usage;
    stopReason?: string | null;
    /** Set when the output is partial: cancelled, failed or cut by max_tokens; the files keep what arrived. */
    incomplete?: { kind: GenerationErrorKind; message: string; retryAfterSeconds?: number };
}

const EXTENSIONS: Record<string, string> = { TypeScript: 'ts', Kotlin: 'kt', Python: 'py', Go: 'go', Java: 'java', Rust: 'rs' };

/** Prompt, stream and link in one go; never throws for API failures, which come back as `incomplete`. */
export async function generate(module: ast.Module, options: GenerationOptions): Promise<GenerationResult> {
    const prompt = buildPrompt(module, options);
    const parser = new ClauseLinkParser(`generated.${EXTENSIONS[options.targetLanguage] ?? 'txt'}`);
    const result: GenerationResult = { files: parser.files, regions: parser.regions, clauses: prompt.clauses, uncovered: [] };
    try {
        const streamed = await streamMessage({
            apiKey: options.apiKey, baseURL: options.baseURL, model: options.model ?? DEFAULT_MODEL, maxTokens: options.maxTokens ?? 8192,
            system: prompt.system, user: prompt.user, signal: options.signal,
            onText: text => {
                const events = parser.feed(text);
                options.onEvents?.(events);
            }
        });
        result.usage = streamed.usage;
        result.stopReason = streamed.stopReason;
        if (streamed.incomplete) {
            result.incomplete = { kind: streamed.incomplete.kind, message: streamed.incomplete.message };
        }
    } catch (error) {
        const failure = error instanceof GenerationError ? error : new GenerationError('api', `Generation failed: ${String(error)}`);
        result.incomplete = { kind: failure.kind, message: failure.message, retryAfterSeconds: failure.retryAfterSeconds };
    }
    options.onEvents?.(parser.end());
    const linked = new Set(parser.regions.map(r => r.clauseId));
    result.uncovered = prompt.clauses.filter(c => !linked.has(c.id));
    return result;
}
