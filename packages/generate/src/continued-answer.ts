import type Anthropic from '@anthropic-ai/sdk';

/** Asked for when the model does not accept an answer to continue as the last (assistant) turn. */
export const CONTINUE_INSTRUCTION = 'Your answer was cut off. Continue it from exactly where it stopped, mid-line if need be. Output only the continuation: do not repeat anything and do not add any preamble.';

/**
 * One answer streamed over several requests: the text so far goes back as the assistant turn and the model
 * continues it. The API rejects an assistant turn ending in white space, so it is sent trimmed; the model then
 * usually starts the continuation with the white space it needs, which the caller has already been given, so the
 * repeated part of that leading white space is dropped and the caller sees one seamless text.
 */
export class ContinuedAnswer {
    /** Everything passed to the caller. */
    text = '';
    /** White space at the end of the text when this continuation began. */
    private tail = '';
    /** Leading white space of the continuation, held until it is known how much of it repeats the tail. */
    private lead: string | undefined;

    constructor(private readonly sink: (text: string) => void) {}

    /** The messages of the next request: the prompt alone first, then the answer so far to continue. */
    messages(user: string | Anthropic.TextBlockParam[], prefill: boolean): Anthropic.MessageParam[] {
        const messages: Anthropic.MessageParam[] = [{ role: 'user', content: user }];
        if (this.text.trim() !== '') {
            messages.push({ role: 'assistant', content: this.text.trimEnd() });
            if (!prefill) {
                messages.push({ role: 'user', content: CONTINUE_INSTRUCTION });
            }
        }
        return messages;
    }

    /** Whether there is anything to continue: an answer of white space only cannot be sent back. */
    get continuable(): boolean {
        return this.text.trim() !== '';
    }

    beginContinuation(): void {
        this.tail = /\s*$/.exec(this.text)![0];
        this.lead = '';
    }

    push(text: string): void {
        if (this.lead === undefined) {
            this.emit(text);
            return;
        }
        const start = text.search(/\S/);
        if (start < 0) {
            this.lead += text;
            return;
        }
        this.releaseLead(this.lead + text.slice(0, start));
        this.emit(text.slice(start));
    }

    /** Ends a request's text: white space still held is given out (less what repeats the tail). */
    endRequest(): void {
        if (this.lead !== undefined) {
            this.releaseLead(this.lead);
        }
    }

    private releaseLead(lead: string): void {
        this.lead = undefined;
        this.emit(lead.slice(repeatedLength(lead, this.tail)));
    }

    private emit(text: string): void {
        if (text !== '') {
            this.text += text;
            this.sink(text);
        }
    }
}

/**
 * How much of a continuation's leading white space the tail already gave: all of the tail when the lead starts with
 * it, also when spaces at the ends of tail lines (invisible) are left out; else their common start.
 */
function repeatedLength(lead: string, tail: string): number {
    for (const given of [tail, tail.replace(/[ \t]+\n/g, '\n')]) {
        if (lead.startsWith(given)) {
            return given.length;
        }
    }
    let common = 0;
    while (common < lead.length && lead[common] === tail[common]) {
        common++;
    }
    return common;
}
