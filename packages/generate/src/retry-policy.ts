import Anthropic from '@anthropic-ai/sdk';
import { retryAfterMs } from './generation-errors.js';

/**
 * How a request that the API turns away before its answer starts (429 rate limited, 529 or `overloaded_error`) is
 * tried again. Only before the first text: once text reached the caller, a new request would repeat it.
 */
export interface RetryPolicy {
    /** Tries per request, the first included; 1 turns retrying off. */
    attempts?: number;
    /** The first wait when the API names none (`retry-after`, `retry-after-ms`); it doubles per attempt. */
    baseDelayMs?: number;
    /** A wait longer than this is not sat out: the error is reported with the delay, for the user to decide. */
    maxWaitMs?: number;
}

export const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 4, baseDelayMs: 1000, maxWaitMs: 60_000 };

export interface RetryDelay {
    reason: 'rate-limited' | 'overloaded';
    ms: number;
}

/** The wait before attempt `attempt + 1` after `error`, or undefined when it is not retried. */
export function retryDelay(error: unknown, attempt: number, policy: Required<RetryPolicy>): RetryDelay | undefined {
    if (!(error instanceof Anthropic.APIError) || error instanceof Anthropic.APIConnectionError || attempt >= policy.attempts) {
        return undefined;
    }
    const type = typeof error.type === 'string' ? error.type : undefined;
    const reason = error.status === 429 || type === 'rate_limit_error' ? 'rate-limited'
        : error.status === 529 || type === 'overloaded_error' ? 'overloaded' : undefined;
    if (!reason) {
        return undefined;
    }
    const ms = retryAfterMs(error.headers) ?? policy.baseDelayMs * 2 ** (attempt - 1);
    return ms <= policy.maxWaitMs ? { reason, ms } : undefined;
}

/** Resolves after `ms`, or rejects at once when the signal aborts (Cancel during a wait). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal!.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
