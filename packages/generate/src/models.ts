/**
 * What generation needs to know per Claude model: the output budget to ask for and the list price. Prices are USD
 * per million tokens from Anthropic's pricing page (platform.claude.com/docs/en/about-claude/pricing) as of
 * November 2026, with the 5-minute cache write (the TTL `cache_control: {type: 'ephemeral'}` gets). They change:
 * callers can override any of them (`prices`, `--price`), and an unknown model has no price rather than a guess.
 */
export interface ModelPrice {
    input: number;
    output: number;
    cacheWrite: number;
    cacheRead: number;
}

export interface ModelInfo {
    /** The most output one request may ask for (`max_tokens` above it is a 400). */
    maxOutputTokens: number;
    /**
     * What a generation asks for when the user sets nothing: room for a real multi-file answer in one round, well
     * under the maximum so that a runaway answer stops (and can be continued) instead of running up the bill.
     */
    defaultMaxTokens: number;
    price: ModelPrice;
    /** Some models bill every token of a request at a higher rate once its prompt (input + cache) passes a size. */
    longPrompt?: { thresholdTokens: number; price: ModelPrice };
}

/** The budget for a model missing from the table: the limit every current model accepts. */
export const FALLBACK_MAX_TOKENS = 8192;

const price = (input: number, output: number, cacheWrite: number, cacheRead: number): ModelPrice => ({ input, output, cacheWrite, cacheRead });
const large = (p: ModelPrice, extra: Partial<ModelInfo> = {}): ModelInfo => ({ maxOutputTokens: 128_000, defaultMaxTokens: 32_000, price: p, ...extra });
const medium = (p: ModelPrice): ModelInfo => ({ maxOutputTokens: 64_000, defaultMaxTokens: 16_000, price: p });

export const MODELS: Readonly<Record<string, ModelInfo>> = {
    'claude-fable-5-2': large(price(8, 40, 10, 0.2)),
    // Mythos releases have always shared the specifications and prices of the Fable release of the same number.
    'claude-mythos-5-2': large(price(8, 40, 10, 0.2)),
    'claude-fable-5-1': large(price(10, 50, 12.5, 0.25)),
    'claude-mythos-5-1': large(price(10, 50, 12.5, 0.25)),
    'claude-opus-5-5': large(price(4, 20, 5, 0.2)),
    'claude-sonnet-5-5': large(price(2, 10, 2.5, 0.1)),
    'claude-haiku-5-5': large(price(0.1, 0.5, 0.125, 0.01), { longPrompt: { thresholdTokens: 100_000, price: price(0.5, 2.5, 0.625, 0.05) } }),
    'claude-fable-5': large(price(10, 50, 12.5, 1)),
    'claude-mythos-5': large(price(10, 50, 12.5, 1)),
    'claude-opus-5': large(price(5, 25, 6.25, 0.5)),
    'claude-sonnet-5': large(price(2, 10, 2.5, 0.2)),
    'claude-opus-4-8': large(price(5, 25, 6.25, 0.5)),
    'claude-opus-4-7': large(price(5, 25, 6.25, 0.5)),
    'claude-opus-4-6': large(price(5, 25, 6.25, 0.5)),
    'claude-opus-4-5': medium(price(5, 25, 6.25, 0.5)),
    'claude-sonnet-4-6': medium(price(3, 15, 3.75, 0.3)),
    'claude-sonnet-4-5': medium(price(3, 15, 3.75, 0.3)),
    'claude-haiku-4-5': medium(price(1, 5, 1.25, 0.1))
};

/** The table entry for a model id, also for dated ids (`claude-haiku-4-5-20251001`); undefined when unknown. */
export function modelInfo(model: string): ModelInfo | undefined {
    return MODELS[model] ?? MODELS[model.replace(/-\d{8}$/, '')];
}

/** The `max_tokens` a generation sends when the caller does not set one. */
export function defaultMaxTokens(model: string): number {
    return modelInfo(model)?.defaultMaxTokens ?? FALLBACK_MAX_TOKENS;
}
