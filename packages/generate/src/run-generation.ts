import { DEFAULT_MODEL, GenerationError, streamMessage, type GenerationErrorKind, type Usage } from './anthropic-stream.js';
import { ClauseLinkParser, type GeneratedFile, type PreviewEvent, type Region } from './marker-parser.js';
import { messageContent, type GenerationPrompt, type PromptClause, type PromptObligation } from './generation-prompt.js';
import { idResolver } from './clause-ids.js';
import { TARGETS } from './target-languages.js';

export interface RunOptions {
    apiKey: string | undefined;
    baseURL?: string;
    model?: string;
    maxTokens?: number;
    signal?: AbortSignal;
    /** What changed with each chunk, and all the output so far. */
    onEvents?: (events: PreviewEvent[], output: StreamedOutput) => void;
}

export interface StreamedOutput {
    readonly files: readonly GeneratedFile[];
    readonly regions: readonly Region[];
}

export interface Coverage {
    /** Clauses no generated region is linked to. */
    uncovered: PromptClause[];
    /** Obligations no generated test is linked to. */
    untested: PromptObligation[];
    /** Ids on markers that name nothing the request listed: reported, never taken as links. */
    unknownIds: string[];
}

export interface GenerationResult extends Coverage {
    files: GeneratedFile[];
    regions: Region[];
    clauses: PromptClause[];
    obligations: PromptObligation[];
    usage?: Usage;
    stopReason?: string | null;
    /** Set when the output is partial: cancelled, failed or cut by max_tokens; the files keep what arrived. */
    incomplete?: { kind: GenerationErrorKind; message: string; retryAfterSeconds?: number };
}

/**
 * Streams a prompt's answer, links it to the prompt's clauses and obligations, and measures coverage: the whole
 * pipeline after the prompt, with no spec AST, so the CLI and the VS Code client run this same code. API failures
 * come back as `incomplete`, never thrown; whatever arrived before stays in `files`.
 */
export async function runGeneration(prompt: GenerationPrompt, options: RunOptions): Promise<GenerationResult> {
    const parser = new ClauseLinkParser(`generated.${TARGETS[prompt.targetLanguage].extension}`);
    const result: GenerationResult = { files: parser.files, regions: parser.regions, clauses: prompt.clauses, obligations: prompt.obligations, uncovered: [], untested: [], unknownIds: [] };
    const { system, user } = messageContent(prompt);
    try {
        const streamed = await streamMessage({
            apiKey: options.apiKey, baseURL: options.baseURL, model: options.model ?? DEFAULT_MODEL, maxTokens: options.maxTokens ?? 8192,
            system, user, signal: options.signal,
            onText: text => {
                const events = parser.feed(text);
                options.onEvents?.(events, parser);
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
    const last = parser.end();
    options.onEvents?.(last, parser);
    Object.assign(result, coverage(prompt, parser.regions));
    return result;
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
