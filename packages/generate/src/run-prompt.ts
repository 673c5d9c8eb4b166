import { DEFAULT_MODEL, streamMessage, type PromptText } from './anthropic-stream.js';
import { costOf, type PriceOverrides, type Usage } from './cost.js';
import type { GenerationErrorKind } from './generation-errors.js';
import { ClauseLinkParser, type Assumption, type GeneratedFile, type PreviewEvent, type Region } from './marker-parser.js';
import { defaultMaxTokens } from './models.js';
import { describePromptSize, measurePrompt, type PromptSize } from './prompt-size.js';
import type { RetryPolicy } from './retry-policy.js';
import type { StreamStatus } from './stream-status.js';

/** How a prompt is sent and its answer taken; everything but the key has a default. */
export interface RunOptions {
    apiKey: string | undefined;
    baseURL?: string;
    model?: string;
    /** Output tokens per request; the model's default from models.ts when absent. */
    maxTokens?: number;
    /** Requests the answer may take (continuations after max_tokens or pause_turn); 4 by default. */
    maxRounds?: number;
    /** Seconds without a byte from the API before a request is abandoned; 60 by default. */
    idleTimeoutSeconds?: number;
    retry?: RetryPolicy;
    prices?: PriceOverrides;
    signal?: AbortSignal;
    /** What changed with each chunk, and all the output so far. */
    onEvents?: (events: PreviewEvent[], output: StreamedOutput) => void;
    onStatus?: (status: StreamStatus) => void;
}

export interface StreamedOutput {
    readonly files: readonly GeneratedFile[];
    readonly regions: readonly Region[];
}

export interface RunResult {
    files: GeneratedFile[];
    regions: Region[];
    /** The answer's text outside file blocks. */
    notes: string;
    assumptions: readonly Assumption[];
    /** Counted (or estimated) before sending. */
    promptSize?: PromptSize;
    /** Summed over the requests of the answer. */
    usage?: Usage;
    /** USD for the requests of the answer; undefined without a price for the model. */
    cost?: number;
    model: string;
    rounds: number;
    stopReason?: string | null;
    /** Set when the output is partial; the files keep what arrived. */
    incomplete?: { kind: GenerationErrorKind; message: string; retryAfterSeconds?: number };
    /** With `incomplete`: the file the answer was cut off in, if it stopped inside one. */
    cutFile?: string;
}

/** Measures the prompt, streams the answer into files and linked regions, prices it. Never throws for API failures. */
export async function runPrompt(prompt: { system: PromptText; user: PromptText }, options: RunOptions): Promise<RunResult> {
    const model = options.model ?? DEFAULT_MODEL;
    const maxTokens = options.maxTokens ?? defaultMaxTokens(model);
    const parser = new ClauseLinkParser();
    const result: RunResult = { files: parser.files, regions: parser.regions, notes: '', assumptions: parser.assumptions, model, rounds: 0 };
    if (options.apiKey?.trim()) {
        const size = await measurePrompt({ ...prompt, apiKey: options.apiKey, baseURL: options.baseURL, model, maxTokens, prices: options.prices, signal: options.signal });
        result.promptSize = size;
        options.onStatus?.({ type: 'prompt-size', size, message: describePromptSize(size, model, maxTokens) });
    }
    const streamed = await streamMessage({
        ...prompt, apiKey: options.apiKey, baseURL: options.baseURL, model, maxTokens, signal: options.signal,
        maxRounds: options.maxRounds, idleTimeoutSeconds: options.idleTimeoutSeconds, retry: options.retry, onStatus: options.onStatus,
        onText: text => {
            const events = parser.feed(text);
            options.onEvents?.(events, parser);
        }
    });
    const cutFile = parser.openFile?.path;
    const last = parser.end();
    options.onEvents?.(last, parser);
    result.notes = parser.notes;
    result.rounds = streamed.rounds;
    if (streamed.requests.length > 0) {
        result.usage = streamed.usage;
        result.cost = costOf(model, streamed.requests, options.prices);
        result.stopReason = streamed.stopReason;
    }
    if (streamed.incomplete) {
        const { kind, message, retryAfterSeconds } = streamed.incomplete;
        result.incomplete = { kind, message, retryAfterSeconds };
        result.cutFile = cutFile;
    }
    return result;
}
