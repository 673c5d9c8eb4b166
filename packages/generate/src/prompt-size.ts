import Anthropic from '@anthropic-ai/sdk';
import type { PromptText, StreamRequest } from './anthropic-stream.js';
import { costOf, formatUsd, type PriceOverrides } from './cost.js';
import { redact } from './generation-errors.js';
import { defaultMaxTokens } from './models.js';

export interface PromptSize {
    inputTokens: number;
    /** True when the API counted the tokens; false for the offline estimate (about four characters a token). */
    counted: boolean;
    /** USD for the input of the first request, undefined without a price for the model. */
    inputCost?: number;
    /** USD if the answer used the whole output budget of one request as well. */
    costWithFullOutput?: number;
    /** Why the count fell back to an estimate, if it did. */
    countError?: string;
}

/** The prompt and connection of a stream request, and the prices to cost it with. */
export type PromptSizeRequest = Pick<StreamRequest, 'apiKey' | 'baseURL' | 'model' | 'maxTokens' | 'system' | 'user' | 'signal'> & { prices?: PriceOverrides };

/**
 * The size and cost of a prompt before it is sent: counted by the API (`POST /v1/messages/count_tokens`, free) when
 * there is a key, else estimated from its length. A failed count falls back to the estimate: it must not stop a
 * generation the Messages API may well accept.
 */
export async function measurePrompt(request: PromptSizeRequest): Promise<PromptSize> {
    const apiKey = request.apiKey?.trim();
    let inputTokens = estimateTokens(request.system, request.user);
    let counted = false;
    let countError: string | undefined;
    if (apiKey) {
        try {
            const client = new Anthropic({ apiKey, baseURL: request.baseURL || undefined, maxRetries: 0 });
            const count = await client.messages.countTokens({ model: request.model, system: request.system, messages: [{ role: 'user', content: request.user }] }, { signal: request.signal, timeout: 30_000 });
            // A gateway that answers with something else (an event stream, an HTML page) is a failed count.
            if (typeof count?.input_tokens !== 'number' || !Number.isFinite(count.input_tokens)) {
                throw new Error('the token count endpoint gave no token count');
            }
            inputTokens = count.input_tokens;
            counted = true;
        } catch (error) {
            countError = redact(error instanceof Error ? error.message : String(error), apiKey);
        }
    }
    const maxTokens = request.maxTokens ?? defaultMaxTokens(request.model);
    const usage = { inputTokens, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    return {
        inputTokens, counted, countError,
        inputCost: costOf(request.model, [usage], request.prices),
        costWithFullOutput: costOf(request.model, [{ ...usage, outputTokens: maxTokens }], request.prices)
    };
}

/** About four characters a token, the usual ratio for English and code. */
export function estimateTokens(system: PromptText, user: PromptText): number {
    const length = (text: PromptText) => typeof text === 'string' ? text.length : text.reduce((n, block) => n + block.text.length, 0);
    return Math.ceil((length(system) + length(user)) / 4);
}

/** `Prompt: 1,234 input tokens (counted by the API), about $0.0025; up to $0.3225 if the answer uses all 32,000 output tokens of a request.` */
export function describePromptSize(size: PromptSize, model: string, maxTokens = defaultMaxTokens(model)): string {
    const tokens = size.counted ? `${size.inputTokens.toLocaleString('en-US')} input tokens (counted by the API)`
        : `about ${size.inputTokens.toLocaleString('en-US')} input tokens (estimate: characters / 4${size.countError ? `; counting failed: ${size.countError}` : ''})`;
    const cost = size.inputCost === undefined || size.costWithFullOutput === undefined
        ? `; no price known for ${model}`
        : `, about ${formatUsd(size.inputCost)} on ${model}; up to ${formatUsd(size.costWithFullOutput)} if the answer uses all ${maxTokens.toLocaleString('en-US')} output tokens of a request`;
    return `Prompt: ${tokens}${cost}.`;
}
