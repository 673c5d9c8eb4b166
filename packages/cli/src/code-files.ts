import { promises as fs } from 'node:fs';
import * as path from 'node:path';

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
