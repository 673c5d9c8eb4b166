import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake API does with the next request. */
export interface Script {
    /** Non-200 answers: status, headers and an Anthropic error body. */
    status?: number;
    headers?: Record<string, string>;
    errorType?: string;
    /** Text deltas of a 200 streaming answer, sent as separate SSE events. */
    chunks?: string[];
    delayMs?: number;
    stopReason?: string;
    /** Destroy the socket after this many chunks (a network cut mid-stream). */
    cutAfter?: number;
    /** Send an SSE `error` event after this many chunks. */
    errorEventAfter?: number;
}

export interface RecordedRequest {
    path: string;
    headers: IncomingMessage['headers'];
    body: { model: string; max_tokens: number; system?: string; messages: Array<{ role: string; content: string }>; stream?: boolean };
}

/** A local HTTP server speaking the Anthropic Messages streaming protocol (SSE), scripted per test. */
export class FakeAnthropicServer {
    readonly requests: RecordedRequest[] = [];
    /** Resolves when a client closes a streaming request before it finished (e.g. Cancel). */
    clientClosed: Promise<void>;
    private resolveClientClosed!: () => void;
    private server: Server | undefined;
    private next: Script = { chunks: [] };

    constructor() {
        this.clientClosed = new Promise(resolve => { this.resolveClientClosed = resolve; });
    }

    get url(): string {
        const { port } = this.server!.address() as AddressInfo;
        return `http://127.0.0.1:${port}`;
    }

    script(script: Script): void {
        this.next = script;
        this.clientClosed = new Promise(resolve => { this.resolveClientClosed = resolve; });
    }

    async start(): Promise<void> {
        this.server = createServer((req, res) => void this.handle(req, res));
        await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
    }

    async stop(): Promise<void> {
        this.server?.closeAllConnections();
        await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve());
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        let raw = '';
        for await (const chunk of req) {
            raw += chunk;
        }
        this.requests.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') });
        const script = this.next;
        if (script.status && script.status !== 200) {
            res.writeHead(script.status, { 'content-type': 'application/json', ...script.headers });
            res.end(JSON.stringify({ type: 'error', error: { type: script.errorType ?? 'api_error', message: `scripted ${script.status}` } }));
            return;
        }
        let finished = false;
        res.on('close', () => { if (!finished) this.resolveClientClosed(); });
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
        send('message_start', { message: { id: 'msg_fake', type: 'message', role: 'assistant', model: 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 42, output_tokens: 1 } } });
        send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        send('ping', {});
        const chunks = script.chunks ?? [];
        for (let i = 0; i < chunks.length; i++) {
            if (script.cutAfter === i) {
                // Let what was written reach the client first, as on a real connection that drops.
                await new Promise(r => setTimeout(r, 50));
                res.socket?.destroy();
                return;
            }
            if (script.errorEventAfter === i) {
                send('error', { error: { type: 'overloaded_error', message: 'Overloaded' } });
                finished = true;
                res.end();
                return;
            }
            if (res.destroyed) {
                return;
            }
            send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: chunks[i] } });
            if (script.delayMs) {
                await new Promise(r => setTimeout(r, script.delayMs));
            }
        }
        send('content_block_stop', { index: 0 });
        send('message_delta', { delta: { stop_reason: script.stopReason ?? 'end_turn', stop_sequence: null }, usage: { output_tokens: chunks.length } });
        send('message_stop', {});
        finished = true;
        res.end();
    }
}
