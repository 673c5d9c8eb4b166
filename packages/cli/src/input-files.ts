import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { unreadableBecause } from '@allium/language/node';

/**
 * Expands files and directories (recursively) into the `.allium` files they name, sorted for stable output. Each
 * directory is read once by its real path, so a symbolic link back to a parent is not followed round (two such links
 * would otherwise never end); only regular files are taken, since reading a FIFO named `x.allium` blocks forever.
 * What is skipped for that reason is told to `skipped`.
 */
export async function resolveInputs(inputs: string[], skipped: (file: string, why: string) => void = () => undefined): Promise<string[]> {
    // By real path, so two links to one file check it once; the name kept is the one given, else the shortest.
    const found = new Map<string, string>();
    const visited = new Set<string>();
    async function visit(p: string, named: boolean): Promise<void> {
        const stat = await fs.stat(p).catch(() => undefined);
        if (stat?.isDirectory()) {
            const real = await fs.realpath(p);
            if (visited.has(real)) {
                return;
            }
            visited.add(real);
            for (const entry of (await fs.readdir(p)).sort()) {
                if (entry !== 'node_modules' && !entry.startsWith('.')) {
                    await visit(path.join(p, entry), false);
                }
            }
        } else if (p.endsWith('.allium') || (named && stat)) {
            const problem = unreadableBecause(p) ?? (p.endsWith('.allium') ? undefined : 'is not an Allium file (.allium)');
            if (problem) {
                skipped(p, problem);
            } else {
                const real = await fs.realpath(p);
                const known = found.get(real);
                if (!known || named || path.resolve(p).length < known.length) {
                    found.set(real, path.resolve(p));
                }
            }
        }
    }
    for (const input of inputs) {
        await visit(input, true);
    }
    return [...found.values()].sort();
}

/** Tells on stderr what an input walk skipped, so a FIFO or a directory given by mistake is not silently ignored. */
export function warnSkipped(file: string, why: string): void {
    process.stderr.write(`allium: skipped ${path.relative(process.cwd(), file) || file}: it ${why}.\n`);
}

/**
 * What a command does with a listed file it cannot read (not UTF-8, gone since it was listed): the reason on stderr,
 * the name kept so that the command goes on with the others and still fails at the end (exit 2, as for a path that
 * does not exist).
 */
export function reportUnreadable(): { report: (file: string, reason: string) => void; files: string[] } {
    const files: string[] = [];
    return {
        files,
        report: (file, reason) => {
            files.push(file);
            process.stderr.write(`allium: ${reason}\n`);
        }
    };
}
