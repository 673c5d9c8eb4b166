import Anthropic from '@anthropic-ai/sdk';
import { ContinuedAnswer } from './continued-answer.js';
import { addUsage, NO_USAGE, type Usage } from './cost.js';
import { continues, GenerationError, noKeyError, stopReasonError, toGenerationError } from './generation-errors.js';
import { IdleWatchdog } from './idle-watchdog.js';
import { defaultMaxTokens } from './models.js';
import { DEFAULT_RETRY, retryDelay, sleep, type RetryPolicy } from './retry-policy.js';
import { continuingStatus, retryingStatus, type StreamStatus } from './stream-status.js';

/** The model generation uses unless the user picks another (`allium.generate.model`, `--model`). */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';
/** Requests one answer may take by default: the first and up to three continuations. */
export const DEFAULT_MAX_ROUNDS = 4;
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

export * from './generation-errors.js';

/** System prompt or user turn: plain text, or text blocks (e.g. a cached prefix with `cache_control`, then the rest). */
export type PromptText = string | Anthropic.TextBlockParam[];

export interface StreamRequest {
    apiKey: string | undefined;
    /** Gateway or proxy base URL; the SDK default (https://api.anthropic.com) when empty. */
    baseURL?: string;
    model: string;
    /** Output tokens per request; the model's default (see models.ts) when absent. */
    maxTokens?: number;
    system: PromptText;
    user: PromptText;
    /** Aborting it closes the HTTP request. */
    signal?: AbortSignal;
    /** Requests the answer may take: it is continued after `max_tokens` and `pause_turn`. */
    maxRounds?: number;
    /** Seconds without a byte from the API after which a request is abandoned. */
    idleTimeoutSeconds?: number;
    retry?: RetryPolicy;
    onText: (text: string) => void;
    onStatus?: (status: StreamStatus) => void;
}

export interface StreamResult {
    /** Of the last request. */
    stopReason: string | null;
    /** Summed over every request of the answer. */
    usage: Usage;
    /** Per request, for pricing (a long-prompt rate applies per request). */
    requests: Usage[];
    /** Requests the answer took (retries of one request are not counted). */
    rounds: number;
    /** The `max_tokens` each request asked for. */
    maxTokens: number;
    /** Set when the answer is not complete; the text passed on is then partial. */
    incomplete?: GenerationError;
}

/** The API's answer to an assistant turn last, on models that do not continue an answer that way. */
class PrefillRejected extends Error {}

/**
 * Streams one answer through the official SDK and passes its text on as it arrives, continuing it in further
 * requests when it stops at `max_tokens` or `pause_turn`, so the caller sees one text. Never rejects for API
 * failures or Cancel: those come back as `incomplete`, with the usage of what was streamed; the key never appears
 * in any message. The SDK's own retries are off: they would wait silently, and would retry a request whose answer
 * had started; retries here happen only before the first text and are reported through `onStatus`.
 */
export async function streamMessage(request: StreamRequest): Promise<StreamResult> {
    const maxTokens = request.maxTokens ?? defaultMaxTokens(request.model);
    const result: StreamResult = { stopReason: null, usage: { ...NO_USAGE }, requests: [], rounds: 0, maxTokens };
    const apiKey = request.apiKey?.trim();
    if (!apiKey) {
        result.incomplete = noKeyError();
        return result;
    }
    const maxRounds = request.maxRounds ?? DEFAULT_MAX_ROUNDS;
    const answer = new ContinuedAnswer(request.onText);
    let prefill = true;
    let stopSequence: string | null = null;
    try {
        for (;;) {
            if (result.rounds > 0) {
                answer.beginContinuation();
            }
            try {
                ({ stopReason: result.stopReason, stopSequence } = await streamRequest(request, apiKey, maxTokens, answer.messages(request.user, prefill), answer, result.requests));
            } catch (error) {
                if (error instanceof PrefillRejected) {
                    prefill = false;
                    continue;
                }
                throw error;
            } finally {
                answer.endRequest();
            }
            result.rounds++;
            if (!continues(result.stopReason) || result.rounds >= maxRounds || !answer.continuable) {
                break;
            }
            request.onStatus?.(continuingStatus(result.stopReason, result.rounds + 1, maxRounds));
        }
        result.incomplete = stopReasonError(result.stopReason, { maxTokens, rounds: result.rounds, stopSequence });
    } catch (error) {
        result.incomplete = toGenerationError(error, { apiKey, signal: request.signal, streamed: answer.text !== '' });
    }
    result.usage = result.requests.reduce(addUsage, { ...NO_USAGE });
    return result;
}

/** One request of the answer, tried again while the API turns it away before any text. */
async function streamRequest(request: StreamRequest, apiKey: string, maxTokens: number, messages: Anthropic.MessageParam[],
    answer: ContinuedAnswer, requests: Usage[]): Promise<{ stopReason: string | null; stopSequence: string | null }> {
    const policy = { ...DEFAULT_RETRY, ...request.retry };
    const idleSeconds = request.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS;
    for (let attempt = 1; ; attempt++) {
        const watchdog = new IdleWatchdog(idleSeconds * 1000, request.signal);
        const usage: Usage = { ...NO_USAGE };
        let streamed = false;
        try {
            const client = new Anthropic({ apiKey, baseURL: request.baseURL || undefined, maxRetries: 0, fetch: watchdog.fetch });
            const stream = client.messages.stream({ model: request.model, max_tokens: maxTokens, system: request.system, messages }, { signal: watchdog.signal });
            stream.on('text', text => {
                streamed = true;
                answer.push(text);
            });
            stream.on('streamEvent', event => {
                if (event.type === 'message_start') {
                    updateUsage(usage, event.message.usage);
                    requests.push(usage);
                } else if (event.type === 'message_delta') {
                    updateUsage(usage, event.usage);
                }
            });
            const message = await stream.finalMessage();
            return { stopReason: message.stop_reason, stopSequence: message.stop_sequence };
        } catch (error) {
            const delay = streamed || watchdog.timedOut || request.signal?.aborted ? undefined : retryDelay(error, attempt, policy);
            if (delay) {
                request.onStatus?.(retryingStatus(delay.reason, delay.ms, attempt + 1, policy.attempts));
                await sleep(delay.ms, request.signal);
                continue;
            }
            if (messages.at(-1)?.role === 'assistant' && error instanceof Anthropic.APIError && error.status === 400 && /prefill/i.test(error.message)) {
                throw new PrefillRejected();
            }
            throw toGenerationError(error, { apiKey, signal: request.signal, streamed, idleSeconds: watchdog.timedOut ? idleSeconds : undefined });
        } finally {
            watchdog.dispose();
        }
    }
}

/** Takes the counts an SDK usage object has (`message_delta` leaves out or nulls those it does not update). */
function updateUsage(usage: Usage, reported: { input_tokens?: number | null; output_tokens?: number | null; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null }): void {
    usage.inputTokens = reported.input_tokens ?? usage.inputTokens;
    usage.outputTokens = reported.output_tokens ?? usage.outputTokens;
    usage.cacheReadTokens = reported.cache_read_input_tokens ?? usage.cacheReadTokens;
    usage.cacheWriteTokens = reported.cache_creation_input_tokens ?? usage.cacheWriteTokens;
}
