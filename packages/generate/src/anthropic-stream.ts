import Anthropic from '@anthropic-ai/sdk';
import { GenerationError, noKeyError, stopReasonError, toGenerationError } from './generation-errors.js';

/** The model generation uses unless the user picks another (`allium.generate.model`, `--model`). */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

export * from './generation-errors.js';

export interface StreamRequest {
    apiKey: string | undefined;
    /** Gateway or proxy base URL; the SDK default (https://api.anthropic.com) when empty. */
    baseURL?: string;
    model: string;
    maxTokens: number;
    system: string | Anthropic.TextBlockParam[];
    /** The user turn; blocks carry the cache breakpoint (see generation-prompt.ts). */
    user: string | Anthropic.TextBlockParam[];
    /** Aborting it closes the HTTP request. */
    signal?: AbortSignal;
    /** SDK retries before the first byte of an answer (never during one); 0 by default, see {@link streamMessage}. */
    maxRetries?: number;
    onText: (text: string) => void;
}

export interface Usage {
    inputTokens: number;
    outputTokens: number;
}

export interface StreamResult {
    stopReason: string | null;
    usage: Usage;
    /** Set when the model stopped before finishing (max_tokens, refusal): the text passed on is partial. */
    incomplete?: GenerationError;
}

/**
 * Streams one Messages API answer through the official SDK and passes its text deltas on as they arrive.
 * Failures and Cancel reject with a {@link GenerationError} whose message is meant for the user; the text passed on
 * before stays with the caller, who shows it as partial.
 *
 * A 429 is reported with the delay the API asks for (`retryAfterSeconds`) rather than retried: the request may be
 * large and slow, a silent wait of unknown length would look like a hang, and the user may prefer to change the
 * selection or model. Callers that want automatic retries before an answer starts can pass `maxRetries`, which the
 * SDK spends honouring `retry-after`.
 */
export async function streamMessage(request: StreamRequest): Promise<StreamResult> {
    const apiKey = request.apiKey?.trim();
    if (!apiKey) {
        throw noKeyError();
    }
    let streamed = false;
    let usage: Usage = { inputTokens: 0, outputTokens: 0 };
    try {
        const client = new Anthropic({ apiKey, baseURL: request.baseURL || undefined, maxRetries: request.maxRetries ?? 0 });
        const stream = client.messages.stream({
            model: request.model,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: [{ role: 'user', content: request.user }]
        }, { signal: request.signal });
        stream.on('text', text => {
            streamed = true;
            request.onText(text);
        });
        stream.on('streamEvent', event => {
            if (event.type === 'message_start') {
                usage = { inputTokens: event.message.usage.input_tokens, outputTokens: event.message.usage.output_tokens };
            } else if (event.type === 'message_delta') {
                usage = { inputTokens: event.usage.input_tokens ?? usage.inputTokens, outputTokens: event.usage.output_tokens };
            }
        });
        const message = await stream.finalMessage();
        return { stopReason: message.stop_reason, usage, incomplete: stopReasonError(message.stop_reason, request.maxTokens) };
    } catch (error) {
        throw toGenerationError(error, { apiKey, signal: request.signal, streamed });
    }
}
