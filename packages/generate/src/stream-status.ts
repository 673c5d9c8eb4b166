import type { PromptSize } from './prompt-size.js';

/**
 * Progress a generation reports besides its text, each with a line for the user: the CLI prints `message`, an
 * editor can show it in a status bar or build its own from the fields.
 */
export type StreamStatus =
    | { type: 'prompt-size'; size: PromptSize; message: string }
    | { type: 'retrying'; reason: 'rate-limited' | 'overloaded'; waitMs: number; attempt: number; attempts: number; message: string }
    | { type: 'continuing'; stopReason: 'max_tokens' | 'pause_turn'; round: number; maxRounds: number; message: string };

export function retryingStatus(reason: 'rate-limited' | 'overloaded', waitMs: number, attempt: number, attempts: number): StreamStatus {
    const what = reason === 'rate-limited' ? 'Rate limited' : 'The Anthropic API is overloaded';
    return { type: 'retrying', reason, waitMs, attempt, attempts, message: `${what}; retrying in ${formatWait(waitMs)} (attempt ${attempt}/${attempts})` };
}

export function continuingStatus(stopReason: 'max_tokens' | 'pause_turn', round: number, maxRounds: number): StreamStatus {
    const why = stopReason === 'max_tokens' ? 'The answer reached the output limit' : 'The API paused the turn';
    return { type: 'continuing', stopReason, round, maxRounds, message: `${why}; continuing it (round ${round}/${maxRounds})` };
}

/** `3 s`, `0.2 s`: whole seconds rounded up, tenths below a second. */
function formatWait(ms: number): string {
    return ms < 1000 ? `${Math.max(0.1, Math.ceil(ms / 100) / 10)} s` : `${Math.ceil(ms / 1000)} s`;
}
