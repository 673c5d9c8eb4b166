import Anthropic from '@anthropic-ai/sdk';

/**
 * Why a generation ended short of a complete answer. Each stop reason that does not complete an answer has its own
 * kind, so that callers can react to it (raise the budget, shrink the selection, retry later) without parsing text:
 *
 *     end_turn                        complete (no error)
 *     max_tokens, pause_turn          continued automatically; 'max-tokens' / 'paused' once the rounds run out
 *     refusal                         'refused'
 *     model_context_window_exceeded   'context-window-exceeded'
 *     stop_sequence                   'stop-sequence' (generation sets none, so a gateway or proxy cut the answer)
 *     tool_use, anything else         'unexpected-stop'
 *     SSE `error` event mid-answer    'stream-error'
 */
export type GenerationErrorKind =
    | 'no-key' | 'unauthorized' | 'rate-limited' | 'overloaded' | 'network' | 'idle-timeout' | 'cancelled' | 'api'
    | 'max-tokens' | 'paused' | 'refused' | 'context-window-exceeded' | 'stop-sequence' | 'unexpected-stop' | 'stream-error';

/** Why a generation stopped short, in words for the user. Never carries the API key. */
export class GenerationError extends Error {
    constructor(readonly kind: GenerationErrorKind, message: string, readonly retryAfterSeconds?: number) {
        super(message);
        this.name = 'GenerationError';
    }
}

export function noKeyError(): GenerationError {
    return new GenerationError('no-key', 'No Anthropic API key is set. Set one with "Allium: Set Anthropic API key", or set ANTHROPIC_API_KEY.');
}

/** Stop reasons after which the answer goes on in another request: the partial answer is sent back to continue. */
export function continues(stopReason: string | null): stopReason is 'max_tokens' | 'pause_turn' {
    return stopReason === 'max_tokens' || stopReason === 'pause_turn';
}

/**
 * The problem with the stop reason of the last request, if the answer is unfinished. `rounds` is how many requests
 * the answer took; a continuing stop reason here means the rounds ran out.
 */
export function stopReasonError(stopReason: string | null, context: { maxTokens: number; rounds: number; stopSequence?: string | null }): GenerationError | undefined {
    const rounds = `${context.rounds} round${context.rounds === 1 ? '' : 's'}`;
    switch (stopReason) {
        case 'end_turn':
            return undefined;
        case 'max_tokens':
            return new GenerationError('max-tokens', `The answer is still incomplete after ${rounds} of up to ${context.maxTokens} output tokens each (stop reason: max_tokens); the output is partial. Raise the number of rounds (CLI: --max-rounds) or allium.generate.maxTokens (CLI: --max-tokens), or generate a smaller selection.`);
        case 'pause_turn':
            return new GenerationError('paused', `The answer is still incomplete after ${rounds}: the API kept pausing the turn (stop reason: pause_turn); the output is partial. Raise the number of rounds (CLI: --max-rounds) or try again.`);
        case 'refusal':
            return new GenerationError('refused', 'Claude declined to finish this answer (stop reason: refusal); the output is partial.');
        case 'model_context_window_exceeded':
            return new GenerationError('context-window-exceeded', "The prompt and the answer filled the model's context window (stop reason: model_context_window_exceeded); the output is partial. Generate a smaller selection.");
        case 'stop_sequence':
            return new GenerationError('stop-sequence', `The answer ended at a stop sequence${context.stopSequence ? ` (${JSON.stringify(context.stopSequence)})` : ''} that generation did not ask for, probably set by a gateway or proxy; the output may be partial.`);
        default:
            return new GenerationError('unexpected-stop', `The answer ended for a reason generation does not expect (stop reason: ${stopReason ?? 'none'}); the output may be partial.`);
    }
}

export function idleTimeoutError(seconds: number): GenerationError {
    return new GenerationError('idle-timeout', `No data arrived from the Anthropic API for ${seconds} s, so generation stopped waiting; the output so far is kept. Try again, or raise the idle timeout (CLI: --idle-timeout).`);
}

export interface FailureContext {
    apiKey: string;
    signal?: AbortSignal;
    /** Whether any text arrived before the failure: a lost connection then means a cut answer, not no answer. */
    streamed: boolean;
    /** The request was stopped because no bytes arrived for this many seconds. */
    idleSeconds?: number;
}

/** Maps whatever the SDK or the network threw to a {@link GenerationError}; the key is scrubbed from any text kept. */
export function toGenerationError(error: unknown, context: FailureContext): GenerationError {
    const mapped = classify(error, context);
    const message = redact(mapped.message, context.apiKey);
    return message === mapped.message ? mapped : new GenerationError(mapped.kind, message, mapped.retryAfterSeconds);
}

function classify(error: unknown, { signal, streamed, idleSeconds }: FailureContext): GenerationError {
    if (error instanceof GenerationError) {
        return error;
    }
    if (idleSeconds !== undefined) {
        return idleTimeoutError(idleSeconds);
    }
    if (signal?.aborted || error instanceof Anthropic.APIUserAbortError) {
        return new GenerationError('cancelled', 'Generation cancelled.');
    }
    if (error instanceof Anthropic.APIConnectionTimeoutError) {
        return new GenerationError('network', 'The Anthropic API did not answer in time. Check the network connection and try again.');
    }
    if (error instanceof Anthropic.APIConnectionError || isNetworkFailure(error)) {
        return streamed
            ? new GenerationError('network', 'The connection to the Anthropic API was lost before the answer was complete.')
            : new GenerationError('network', 'Could not reach the Anthropic API. Check the network connection and the base URL setting (allium.generate.baseUrl).');
    }
    if (!(error instanceof Anthropic.APIError)) {
        return new GenerationError('api', `Generation failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const type = typeof error.type === 'string' ? error.type : undefined;
    // An SSE `error` event has no HTTP status: the answer had started. After text it is cut, whatever the type.
    if (error.status === undefined && streamed) {
        return new GenerationError('stream-error', `The Anthropic API reported an error in the middle of the answer (${type ?? 'error'}: ${error.apiMessage ?? error.message}); the output is partial. Try again.`);
    }
    if (error.status === 401 || type === 'authentication_error') {
        return new GenerationError('unauthorized', 'The Anthropic API rejected the API key (401). Set a valid key with "Allium: Set Anthropic API key".');
    }
    if (error.status === 429 || type === 'rate_limit_error') {
        const seconds = retryAfterSeconds(error.headers);
        return new GenerationError('rate-limited',
            `Rate limited by the Anthropic API (429). ${seconds !== undefined ? `Try again in ${seconds} s.` : 'Try again shortly.'}`, seconds);
    }
    if (error.status === 529 || type === 'overloaded_error') {
        return new GenerationError('overloaded', 'The Anthropic API is overloaded (529). Try again in a few moments.');
    }
    const detail = error.apiMessage ?? error.message;
    return new GenerationError('api', `The Anthropic API returned an error${error.status ? ` (${error.status}${type ? ` ${type}` : ''})` : type ? ` (${type})` : ''}: ${detail}`);
}

/** A dropped connection as undici reports it (`terminated`, socket errors), or a stream that ended early. */
function isNetworkFailure(error: unknown): boolean {
    for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
        const code = (cause as { code?: unknown }).code;
        if (typeof code === 'string' && (code.startsWith('UND_ERR') || /^E(?:CONNRESET|CONNREFUSED|PIPE|TIMEDOUT|NOTFOUND|AI_AGAIN|HOSTUNREACH|NETUNREACH)$/.test(code))) {
            return true;
        }
        if (/^terminated$|^other side closed|^stream ended without producing/i.test(cause.message)) {
            return true;
        }
    }
    return false;
}

/** `retry-after` (seconds or an HTTP date) or `retry-after-ms`, in whole seconds rounded up. */
function retryAfterSeconds(headers: Headers | undefined): number | undefined {
    const milliseconds = retryAfterMs(headers);
    return milliseconds === undefined ? undefined : Math.ceil(milliseconds / 1000);
}

/** The wait the API asks for before a retry, from `retry-after-ms` or else `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
    const milliseconds = Number(headers?.get('retry-after-ms'));
    if (headers?.has('retry-after-ms') && milliseconds > 0) {
        return milliseconds;
    }
    const value = headers?.get('retry-after');
    if (!value) {
        return undefined;
    }
    const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** Removes the key, and anything shaped like an Anthropic key, from text that may be shown or logged. */
export function redact(text: string, apiKey: string | undefined): string {
    const withoutKey = apiKey ? text.split(apiKey).join('[redacted]') : text;
    return withoutKey.replace(/sk-ant-[\w-]+/g, '[redacted]');
}
