import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { cpuTimeMs, withinCpu, type Bounded, type CpuLimits } from '../support/cpu-bound.js';

export const SERVER = path.resolve(__dirname, '../../out/server/main.cjs');

interface PublishedDiagnostics {
    uri: string;
    diagnostics: Array<{ range: { start: { line: number } }; code?: string; message: string }>;
}

/** The bundled language server in a child process, spoken to over stdio with JSON-RPC, as an editor would. */
export class LspClient {
    readonly connection: MessageConnection;
    private readonly child: ChildProcess;
    private readonly diagnostics = new Map<string, PublishedDiagnostics['diagnostics']>();
    private readonly waiters: Array<() => void> = [];
    /** Methods the server asked this client to register dynamically. */
    readonly registrations: string[] = [];
    private readonly nextPublished = new Map<string, Array<(d: PublishedDiagnostics['diagnostics']) => void>>();
    /** How many times diagnostics were published for each URI. */
    readonly publications = new Map<string, number>();

    /** `command`: how to start the server, by default the bundle in out/ with node; `cwd`: where. */
    constructor(command: [string, ...string[]] = [process.execPath, SERVER, '--stdio'], cwd?: string) {
        this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'], cwd });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
            this.nextPublished.get(params.uri)?.splice(0).forEach(resolve => resolve(params.diagnostics));
            this.waiters.splice(0).forEach(w => w());
        });
        this.connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
            this.registrations.push(...params.registrations.map(r => r.method));
            return null;
        });
        this.connection.listen();
    }

    /** The server's process id, to read its memory use. */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** CPU time the server process has used so far, in ms. */
    get cpuMs(): number | undefined {
        return cpuTimeMs(this.child.pid);
    }

    /**
     * Awaits `work` the server is doing, bounded by the CPU time it spends rather than by the wall clock, which a
     * loaded machine stretches ten times: see test/support/cpu-bound.ts.
     */
    within<T>(work: Promise<T>, limits: CpuLimits): Promise<Bounded<T>> {
        return withinCpu(this.child.pid, work, limits);
    }

    /** The server's exit status once it has exited (null if a signal ended it). */
    exit(): Promise<number | null> {
        return new Promise(resolve => this.child.exitCode !== null ? resolve(this.child.exitCode) : this.child.once('exit', code => resolve(code)));
    }

    get alive(): boolean {
        return this.child.exitCode === null && !this.child.killed;
    }

    /**
     * Initializes the server as an editor with `rootDir` open would, and returns the server's capabilities. An editor
     * that watches files (VS Code, Emacs) says so and is asked to register a watcher; others (Helix) do not. Some
     * editors send `rootDir` only as `rootUri`, with no workspace folders (`rootUriOnly`); VS Code takes annotated
     * edits (`annotatedEdits`).
     */
    async initialize(rootDir?: string, options: { editorWatchesFiles?: boolean; initializationOptions?: unknown; rootUriOnly?: boolean; annotatedEdits?: boolean } = {}): Promise<Record<string, unknown>> {
        const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
            processId: process.pid,
            rootUri: rootDir ? pathToFileURL(rootDir).href : null,
            workspaceFolders: rootDir && !options.rootUriOnly ? [{ uri: pathToFileURL(rootDir).href, name: 'test' }] : null,
            initializationOptions: options.initializationOptions,
            capabilities: {
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
                workspace: {
                    didChangeWatchedFiles: { dynamicRegistration: options.editorWatchesFiles ?? false },
                    // As VS Code: edits with annotations it shows in its refactor preview.
                    workspaceEdit: options.annotatedEdits ? { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } : undefined
                }
            }
        });
        await this.connection.sendNotification('initialized', {});
        return result.capabilities;
    }

    async open(uri: string, text: string, version = 1): Promise<void> {
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'allium', version, text } });
    }

    async change(uri: string, text: string, version: number): Promise<void> {
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    /** Waits until diagnostics for `uri` have been published and satisfy `ready`. */
    async diagnosticsFor(uri: string, ready: (d: PublishedDiagnostics['diagnostics']) => boolean = () => true, timeoutMs = 20_000): Promise<PublishedDiagnostics['diagnostics']> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && ready(current)) {
                return current;
            }
            if (Date.now() > deadline) {
                throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`);
            }
            await new Promise<void>(resolve => { this.waiters.push(resolve); setTimeout(resolve, 200); });
        }
    }

    /** The diagnostics published for `uri` after this call: ask before the change they should follow. */
    nextDiagnostics(uri: string, timeoutMs = 20_000): Promise<PublishedDiagnostics['diagnostics']> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
            const list = this.nextPublished.get(uri) ?? [];
            this.nextPublished.set(uri, list);
            list.push(diagnostics => {
                clearTimeout(timer);
                resolve(diagnostics);
            });
        });
    }

    notify(method: string, params: unknown): Promise<void> {
        return this.connection.sendNotification(method, params);
    }

    request<R>(method: string, params: unknown): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    /** Shuts the server down as an editor does: shutdown, exit, then wait for the process to end. */
    async dispose(): Promise<void> {
        const exited = this.exit();
        // A test may have ended the server already (shutdown and exit of its own); its connection is closed then.
        if (this.child.exitCode === null) {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
            await this.connection.sendNotification('exit').catch(() => undefined);
            await Promise.race([exited, new Promise(r => setTimeout(r, 2000))]);
        }
        this.connection.dispose();
        this.child.kill();
    }
}
