import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { parseTraceRecord, scanMarkers, TRACE_FILE, type LocatedRegion, type TraceRecord } from '@allium/generate';

/** Folders no generated code lives in; `.allium` (the trace record) is the one dot-folder read. */
const SKIPPED = new Set(['node_modules', '.git']);
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * The regular files under `root` no larger than 4 MB, each once: links are followed to their real path and a real
 * path is visited once, so a link back up the tree ends the walk instead of looping.
 */
export async function codeFiles(root: string): Promise<string[]> {
    const found: string[] = [];
    const visited = new Set<string>();
    async function visit(p: string): Promise<void> {
        const real = await fs.realpath(p).catch(() => undefined);
        const stat = real && !visited.has(real) ? await fs.stat(real).catch(() => undefined) : undefined;
        if (!real || !stat) {
            return;
        }
        visited.add(real);
        if (stat.isDirectory()) {
            for (const entry of (await fs.readdir(real)).sort()) {
                if (!SKIPPED.has(entry) && (!entry.startsWith('.') || entry === '.allium')) {
                    await visit(path.join(p, entry));
                }
            }
        } else if (stat.isFile() && stat.size <= MAX_BYTES) {
            found.push(p);
        }
    }
    await visit(root);
    return found;
}

/**
 * The marked regions and trace records of the generated code under `root`; a trace record that cannot be read is
 * told to `ignored` and left out.
 */
export async function readGeneratedCode(root: string, ignored: (file: string, why: string) => void): Promise<{ regions: LocatedRegion[]; records: TraceRecord[] }> {
    const regions: LocatedRegion[] = [];
    const records: TraceRecord[] = [];
    for (const file of await codeFiles(root)) {
        const text = await fs.readFile(file, 'utf8').catch(() => '');
        if (file.endsWith(path.join(...TRACE_FILE.split('/')))) {
            const record = parseTraceRecord(text);
            if ('error' in record) {
                ignored(file, record.error);
            } else {
                records.push(record);
            }
        } else if (text.includes('@allium-')) {
            regions.push(...scanMarkers(text).map(r => ({ ...r, uri: URI.file(file).toString() })));
        }
    }
    return { regions, records };
}
