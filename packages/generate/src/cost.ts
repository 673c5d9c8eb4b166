import { modelInfo, type ModelPrice } from './models.js';

/** Tokens of one or more requests as the API bills them; `inputTokens` excludes the cache reads and writes. */
export interface Usage {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
}

export const NO_USAGE: Readonly<Usage> = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
    return {
        inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens,
        cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens, cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens
    };
}

/** Overrides of the built-in price table, per model id; a partial entry changes only the rates it names. */
export type PriceOverrides = Readonly<Record<string, Partial<ModelPrice>>>;

/** The price of a model, overrides applied; undefined when neither the table nor the overrides know the model. */
export function priceOf(model: string, overrides?: PriceOverrides, promptTokens = 0): ModelPrice | undefined {
    const info = modelInfo(model);
    const base = info?.longPrompt && promptTokens > info.longPrompt.thresholdTokens ? info.longPrompt.price : info?.price;
    const override = overrides?.[model];
    if (!override) {
        return base;
    }
    const merged = { ...base, ...override };
    return ['input', 'output', 'cacheWrite', 'cacheRead'].every(k => typeof merged[k as keyof ModelPrice] === 'number') ? merged as ModelPrice : undefined;
}

/**
 * USD cost of the requests of a generation, each priced on its own (a long-prompt rate applies per request), or
 * undefined without a price for the model.
 */
export function costOf(model: string, requests: readonly Usage[], overrides?: PriceOverrides): number | undefined {
    let total = 0;
    for (const usage of requests) {
        const price = priceOf(model, overrides, usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens);
        if (!price) {
            return undefined;
        }
        total += (usage.inputTokens * price.input + usage.outputTokens * price.output
            + usage.cacheWriteTokens * price.cacheWrite + usage.cacheReadTokens * price.cacheRead) / 1_000_000;
    }
    return total;
}

/** `$0.0123`, `$1.20`: cents for sums a user notices, four decimals for the small ones a single prompt costs. */
export function formatUsd(amount: number): string {
    return amount >= 1 ? `$${amount.toFixed(2)}` : `$${amount.toFixed(4)}`;
}
