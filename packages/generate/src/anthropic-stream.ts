import Anthropic from '@anthropic-ai/sdk';

export interface StreamRequest {
    apiKey: string | undefined;
    baseURL?: string;
    model: string;
    maxTokens: number;
    system: string;
    user: string;
    signal?: AbortSignal;
    onText: (text: string) => void;
}

export interface Usage {
    inputTokens: number;
    outputTokens: number;
}

export type GenerationErrorKind = 'no-key' | 'unauthorized' | 'rate-limited' | 'overloaded' | 'network' | 'cancelled' | 'api';

/** A failure the user can act on; never carries the API key. */
export class GenerationError extends Error {
    constructor(readonly kind: GenerationErrorKind, message: string, readonly retryAfterSeconds?: number) {
        super(message);
    }
}

export interface StreamResult {
    stopReason: string | null;
    usage: Usage;
}

/**
 * Streams one Messages API response through the official SDK, passing text deltas on as they arrive. Failures
 * become {@link GenerationError}s with a message for the user; whatever text was already passed on stays with the
 * caller. Retries are left to the user (a 429 reports how long to wait) so a stream is never silently replayed.
 */
export async function streamMessage(request: StreamRequest): Promise<StreamResult> {
    if (!request.apiKey) {
        throw new GenerationError('no-key', 'No Anthropic API key is set. Set one with "Allium: Set Anthropic API key", or set ANTHROPIC_API_KEY.');
    }
    const client = new Anthropic({ apiKey: request.apiKey, baseURL: request.baseURL || undefined, maxRetries: 0 });
    let usage: Usage = { inputTokens: 0, outputTokens: 0 };
    try {
        const stream = client.messages.stream({
            model: request.model,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: [{ role: 'user', content: request.user }]
        }, { signal: request.signal });
        stream.on('text', text => request.onText(text));
        stream.on('streamEvent', event => {
            if (event.type === 'message_start') {
                usage = { inputTokens: event.message.usage.input_tokens, outputTokens: event.message.usage.output_tokens };
            } else if (event.type === 'message_delta') {
                usage = { ...usage, outputTokens: event.usage.output_tokens };
            }
        });
        const message = await stream.finalMessage();
        return { stopReason: message.stop_reason, usage };
    } catch (error) {
        throw toGenerationError(error, request.signal);
    }
}

function toGenerationError(error: unknown, signal: AbortSignal | undefined): GenerationError {
    if (signal?.aborted || error instanceof Anthropic.APIUserAbortError) {
        return new GenerationError('cancelled', 'Generation cancelled.');
    }
    if (error instanceof Anthropic.AuthenticationError) {
        return new GenerationError('unauthorized', 'The Anthropic API rejected the API key (401). Set a valid key with "Allium: Set Anthropic API key".');
    }
    if (error instanceof Anthropic.RateLimitError) {
        const retryAfter = Number(error.headers?.get('retry-after'));
        const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
        return new GenerationError('rate-limited', `Rate limited by the Anthropic API (429).${seconds ? ` Try again in ${seconds} s.` : ' Try again shortly.'}`, seconds);
    }
    if (error instanceof Anthropic.APIError && (error.status === 529 || /overloaded/i.test(error.message))) {
        return new GenerationError('overloaded', 'The Anthropic API is overloaded (529). Try again in a few moments.');
    }
    if (error instanceof Anthropic.APIConnectionError || (error instanceof Error && /terminated|socket|ECONNRESET|network|fetch failed/i.test(error.message))) {
        return new GenerationError('network', 'The connection to the Anthropic API was lost before the answer was complete.');
    }
    if (error instanceof Anthropic.APIError) {
        return new GenerationError('api', `The Anthropic API returned an error${error.status ? ` (${error.status})` : ''}: ${error.message}`);
    }
    return new GenerationError('api', `Generation failed: ${error instanceof Error ? error.message : String(error)}`);
}
