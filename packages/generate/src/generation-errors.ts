import Anthropic from '@anthropic-ai/sdk';

export type GenerationErrorKind =
    | 'no-key' | 'unauthorized' | 'rate-limited' | 'overloaded' | 'network' | 'max-tokens' | 'refused' | 'cancelled' | 'api';

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

/** The problem with a stop reason that leaves the answer unfinished, if any. */
export function stopReasonError(stopReason: string | null, maxTokens: number): GenerationError | undefined {
    if (stopReason === 'max_tokens') {
        return new GenerationError('max-tokens', `The answer reached the limit of ${maxTokens} output tokens and is cut off. Raise allium.generate.maxTokens (CLI: --max-tokens) or generate a smaller selection.`);
    }
    if (stopReason === 'refusal') {
        return new GenerationError('refused', 'Claude declined to finish this answer (stop reason: refusal); the output is partial.');
    }
    return undefined;
}

export interface FailureContext {
    apiKey: string;
    signal?: AbortSignal;
    /** Whether any text arrived before the failure: a lost connection then means a cut answer, not no answer. */
    streamed: boolean;
}

/** Maps whatever the SDK or the network threw to a {@link GenerationError}; the key is scrubbed from any text kept. */
export function toGenerationError(error: unknown, context: FailureContext): GenerationError {
    const mapped = classify(error, context);
    const message = redact(mapped.message, context.apiKey);
    return message === mapped.message ? mapped : new GenerationError(mapped.kind, message, mapped.retryAfterSeconds);
}

function classify(error: unknown, { signal, streamed }: FailureContext): GenerationError {
    if (error instanceof GenerationError) {
        return error;
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
    const milliseconds = Number(headers?.get('retry-after-ms'));
    if (headers?.has('retry-after-ms') && milliseconds > 0) {
        return Math.ceil(milliseconds / 1000);
    }
    const value = headers?.get('retry-after');
    if (!value) {
        return undefined;
    }
    const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
    return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** Removes the key, and anything shaped like an Anthropic key, from text that may be shown or logged. */
export function redact(text: string, apiKey: string | undefined): string {
    const withoutKey = apiKey ? text.split(apiKey).join('[redacted]') : text;
    return withoutKey.replace(/sk-ant-[\w-]+/g, '[redacted]');
}
