/**
 * Abandons a request when no bytes arrive for a while. The SDK's own timeout bounds a whole request, which for a
 * long answer must be generous; a stalled connection (a proxy holding it open, a server that stopped writing) is
 * better caught by silence. Every chunk of the response body counts, SSE pings included: they show the API is alive.
 */
export class IdleWatchdog {
    private readonly controller = new AbortController();
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Aborts when the caller's signal does or when the connection stays silent too long. */
    readonly signal: AbortSignal;
    timedOut = false;

    constructor(private readonly idleMs: number, outer?: AbortSignal) {
        this.signal = outer ? AbortSignal.any([outer, this.controller.signal]) : this.controller.signal;
        this.touch();
    }

    /** A `fetch` for the SDK that restarts the countdown on the response headers and on every body chunk. */
    readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        this.touch();
        const response = await fetch(input, init);
        this.touch();
        if (!response.body) {
            return response;
        }
        const body = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
            transform: (chunk, controller) => {
                this.touch();
                controller.enqueue(chunk);
            }
        }));
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };

    dispose(): void {
        clearTimeout(this.timer);
    }

    private touch(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timedOut = true;
            this.controller.abort();
        }, this.idleMs);
    }
}
