import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Emitter, URI, type Event } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { minimatch } from 'minimatch';
import { FileChangeType, type InitializeParams } from 'vscode-languageserver';
import { parseTraceRecord, scanMarkers, Settings, TRACE_FILE, type LocatedRegion, type TraceRecord } from '@allium/generate';

/** Where generated code is looked for (`allium.trace.include` / `.exclude`): by default the sources of the target languages. */
const DEFAULT_TRACE_INCLUDE = Settings['allium.trace.include'];
const DEFAULT_TRACE_EXCLUDE = Settings['allium.trace.exclude'];
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_FILES = 50_000;
const SETTLE_MS = 100;

/**
 * The generated code of the workspace as the server knows it: the linked regions of every source file under the
 * workspace folders that carries `@allium-` markers, and every trace record (`.allium/trace.json`). Built when the
 * server starts and kept current from the file events the editor (or the server's own watcher) reports, one file at
 * a time; whoever shows links listens to `onDidChange`.
 */
export class CodeIndex {
    private readonly regionsByFile = new Map<string, LocatedRegion[]>();
    private readonly recordsByFile = new Map<string, TraceRecord>();
    private readonly changed = new Emitter<void>();
    private folders: string[] = [];
    private include: readonly string[] = DEFAULT_TRACE_INCLUDE;
    private exclude: readonly string[] = DEFAULT_TRACE_EXCLUDE;
    private pending = new Set<string>();
    private timer: NodeJS.Timeout | undefined;
    /** Resolves once the first scan of the folders is done. */
    readonly ready: Promise<void>;
    private resolveReady!: () => void;

    constructor(private readonly shared: LangiumSharedServices) {
        this.ready = new Promise(resolve => { this.resolveReady = resolve; });
        shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const roots = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
            this.folders = roots.map(uri => URI.parse(uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
        });
        shared.lsp.LanguageServer.onInitialized(() => void this.start());
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            for (const change of params.changes) {
                this.fileChanged(URI.parse(change.uri).fsPath, change.type === FileChangeType.Deleted);
            }
        });
    }

    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    regions(): LocatedRegion[] {
        return [...this.regionsByFile.values()].flat();
    }

    /** The code files that carry markers. */
    files(): string[] {
        return [...this.regionsByFile.keys()];
    }

    regionsIn(uri: string): LocatedRegion[] {
        return this.regionsByFile.get(uri) ?? [];
    }

    /** The trace records with the files they are in. */
    recordFiles(): Array<[string, TraceRecord]> {
        return [...this.recordsByFile];
    }

    records(): TraceRecord[] {
        return [...this.recordsByFile.values()];
    }

    /** Whether the index reads this file: a trace record, or a source file the settings include. */
    covers(file: string): boolean {
        if (file.endsWith(path.join(...TRACE_FILE.split('/')))) {
            return true;
        }
        const folder = this.folders.find(f => file.startsWith(f + path.sep));
        const relative = folder ? path.relative(folder, file).split(path.sep).join('/') : path.basename(file);
        return this.include.some(g => minimatch(relative, g, { dot: true })) && !this.exclude.some(g => minimatch(relative, g, { dot: true }));
    }

    /** A file was created, changed or deleted: it is read again after a short pause, with whatever else changes. */
    fileChanged(file: string, deleted = false): void {
        if (!this.covers(file)) {
            return;
        }
        if (deleted) {
            this.forget(URI.file(file).toString());
            this.changed.fire();
            return;
        }
        this.pending.add(file);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.readPending(), SETTLE_MS);
    }

    private async start(): Promise<void> {
        try {
            const settings = await this.shared.workspace.ConfigurationProvider.getConfiguration('allium', 'trace').catch(() => undefined) as { include?: unknown; exclude?: unknown } | undefined;
            this.include = stringList(settings?.include) ?? DEFAULT_TRACE_INCLUDE;
            this.exclude = stringList(settings?.exclude) ?? DEFAULT_TRACE_EXCLUDE;
            const files: string[] = [];
            for (const folder of this.folders) {
                await this.walk(folder, files, new Set());
            }
            for (const file of files) {
                await this.read(file);
            }
        } finally {
            this.resolveReady();
            this.changed.fire();
        }
    }

    private async walk(directory: string, out: string[], visited: Set<string>): Promise<void> {
        const real = await fs.realpath(directory).catch(() => undefined);
        if (!real || visited.has(real) || out.length >= MAX_FILES) {
            return;
        }
        visited.add(real);
        for (const entry of await fs.readdir(directory, { withFileTypes: true }).catch(() => [])) {
            const full = path.join(directory, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') {
                await this.walk(full, out, visited);
            } else if (entry.isFile() && this.covers(full) && out.length < MAX_FILES) {
                out.push(full);
            }
        }
    }

    private async readPending(): Promise<void> {
        const files = [...this.pending];
        this.pending.clear();
        for (const file of files) {
            await this.read(file);
        }
        this.changed.fire();
    }

    private async read(file: string): Promise<void> {
        const uri = URI.file(file).toString();
        this.forget(uri);
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat?.isFile() || stat.size > MAX_BYTES) {
            return;
        }
        const text = await fs.readFile(file, 'utf8').catch(() => '');
        if (file.endsWith(path.join(...TRACE_FILE.split('/')))) {
            const record = parseTraceRecord(text);
            if (!('error' in record)) {
                this.recordsByFile.set(uri, record);
            }
        } else if (text.includes('@allium-')) {
            const regions = scanMarkers(text).map(r => ({ ...r, uri }));
            if (regions.length) {
                this.regionsByFile.set(uri, regions);
            }
        }
    }

    private forget(uri: string): void {
        this.regionsByFile.delete(uri);
        this.recordsByFile.delete(uri);
    }
}

function stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) && value.every(v => typeof v === 'string') && value.length > 0 ? value : undefined;
}
