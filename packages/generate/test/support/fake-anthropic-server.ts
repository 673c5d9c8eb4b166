import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake API does with the requests that follow. */
export interface Script {
    /** A non-200 answer: status, headers and an Anthropic error body (`errorType`, `errorMessage`). */
    status?: number;
    headers?: Record<string, string>;
    errorType?: string;
    errorMessage?: string;
    /** Text deltas of a 200 streaming answer, one SSE `content_block_delta` each. */
    chunks?: string[];
    /** Pause after each chunk, or after chunk i for an array. */
    delayMs?: number | number[];
    /** Awaited before chunk i is sent, so a test can look at the client between chunks. */
    beforeChunk?: (index: number) => Promise<void> | void;
    stopReason?: string;
    stopSequence?: string;
    usage?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
    /** Destroy the socket before chunk i (a network cut mid-stream). */
    cutAfter?: number;
    /** Send an SSE `error` event of `errorType` (default overloaded_error) before chunk i. */
    errorEventAfter?: number;
    /** Stop writing before chunk i and keep the connection open (a stalled stream). */
    stallAfter?: number;
    /** Accept the request and never answer it, not even with headers. */
    stallBeforeResponse?: boolean;
}

type TextBlock = { type: 'text'; text: string; cache_control?: { type: string } };

export interface RecordedRequest {
    method: string;
    path: string;
    headers: IncomingMessage['headers'];
    body: { model: string; max_tokens: number; system?: string | TextBlock[]; messages: Array<{ role: string; content: string | TextBlock[] }>; stream?: boolean };
    /** `Date.now()` when the request arrived. */
    receivedAt: number;
    /** Text chunks written to the client. */
    chunksSent: number;
    /** The client closed the connection before the answer was complete (Cancel). */
    closedByClient: boolean;
}

/**
 * A local HTTP server speaking the Anthropic Messages API streaming protocol as the SDK expects it
 * (`POST /v1/messages`, Server-Sent Events; `POST /v1/messages/count_tokens`), scripted per test. It records every
 * request.
 */
export class FakeAnthropicServer {
    readonly requests: RecordedRequest[] = [];
    /** What count_tokens answers; by default a quarter of the characters of the request body. */
    countTokens: number | undefined;
    /** Answer an assistant turn last with the 400 of models that do not support prefill, as the real API does. */
    rejectPrefill = false;
    /** Resolves when a client closes a streaming request before it finished (e.g. Cancel). */
    clientClosed: Promise<void>;
    private resolveClientClosed!: () => void;
    private server: Server | undefined;
    private queue: Script[] = [{ chunks: [] }];

    constructor() {
        this.clientClosed = this.closedPromise();
    }

    get url(): string {
        const { port } = this.server!.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
    }

    get lastRequest(): RecordedRequest | undefined {
        return this.requests[this.requests.length - 1];
    }

    /** Message requests recorded since `since` requests (count_tokens left out). */
    messageRequests(since = 0): RecordedRequest[] {
        return this.requests.slice(since).filter(r => r.path === '/v1/messages');
    }

    /** The answers to the next message requests, in order; the last one answers every request after it. */
    script(...scripts: Script[]): void {
        this.queue = scripts.length ? scripts : [{ chunks: [] }];
        this.clientClosed = this.closedPromise();
    }

    async start(): Promise<void> {
        this.server = createServer((req, res) => void this.handle(req, res));
        await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections();
        await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve());
    }

    private closedPromise(): Promise<void> {
        return new Promise(resolve => { this.resolveClientClosed = resolve; });
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        let raw = '';
        for await (const chunk of req) {
            raw += chunk;
        }
        const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}'), receivedAt: Date.now(), chunksSent: 0, closedByClient: false };
        this.requests.push(recorded);
        const error = (status: number, type: string, message: string, headers: Record<string, string> = {}) => {
            res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake', ...headers });
            res.end(JSON.stringify({ type: 'error', error: { type, message } }));
        };
        if (req.method !== 'POST' || (recorded.path !== '/v1/messages' && recorded.path !== '/v1/messages/count_tokens')) {
            return error(404, 'not_found_error', `No route ${req.method} ${recorded.path}`);
        }
        if (!req.headers['anthropic-version']) {
            return error(400, 'invalid_request_error', 'anthropic-version header is required');
        }
        if (recorded.path === '/v1/messages/count_tokens') {
            res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake' });
            res.end(JSON.stringify({ input_tokens: this.countTokens ?? Math.ceil(raw.length / 4) }));
            return;
        }
        if (this.rejectPrefill && recorded.body.messages.at(-1)?.role === 'assistant') {
            return error(400, 'invalid_request_error', 'This model does not support assistant message prefill. The conversation must end with a user message.');
        }
        const script = this.queue.length > 1 ? this.queue.shift()! : this.queue[0];
        if (script.stallBeforeResponse) {
            return;
        }
        if (script.status && script.status !== 200) {
            return error(script.status, script.errorType ?? 'api_error', script.errorMessage ?? `scripted ${script.status}`, script.headers);
        }
        let finished = false;
        res.on('close', () => {
            if (!finished) {
                recorded.closedByClient = true;
                this.resolveClientClosed();
            }
        });
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'request-id': 'req_fake' });
        const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
        const usage = script.usage ?? { input: 42, output: (script.chunks ?? []).length };
        send('message_start', { message: { id: 'msg_fake', type: 'message', role: 'assistant', model: recorded.body.model, content: [], stop_reason: null, stop_sequence: null,
            usage: { input_tokens: usage.input, output_tokens: 1, cache_read_input_tokens: usage.cacheRead ?? 0, cache_creation_input_tokens: usage.cacheWrite ?? 0 } } });
        send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        send('ping', {});
        const chunks = script.chunks ?? [];
        for (let i = 0; i < chunks.length; i++) {
            await script.beforeChunk?.(i);
            if (script.cutAfter === i) {
                // Let what was written reach the client first, as when a real connection drops.
                await new Promise(r => setTimeout(r, 50));
                finished = true;
                res.socket?.destroy();
                return;
            }
            if (script.stallAfter === i) {
                return;
            }
            if (script.errorEventAfter === i) {
                send('error', { error: { type: script.errorType ?? 'overloaded_error', message: script.errorMessage ?? 'Overloaded' } });
                finished = true;
                res.end();
                return;
            }
            if (res.destroyed) {
                return;
            }
            send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: chunks[i] } });
            recorded.chunksSent++;
            const delay = Array.isArray(script.delayMs) ? script.delayMs[i] : script.delayMs;
            if (delay) {
                await new Promise(r => setTimeout(r, delay));
            }
        }
        send('content_block_stop', { index: 0 });
        send('message_delta', { delta: { stop_reason: script.stopReason ?? 'end_turn', stop_sequence: script.stopSequence ?? null }, usage: { output_tokens: usage.output } });
        send('message_stop', {});
        finished = true;
        res.end();
    }
}
