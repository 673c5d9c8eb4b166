import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from './check.js';
import { findingKey } from './check-formats.js';

/** One recorded finding; `count` of them with the same key. Files are relative to the baseline file's folder. */
interface BaselineEntry {
    code: string | null;
    file: string;
    declaration?: string;
    message: string;
    count: number;
}

interface BaselineFile {
    version: 1;
    findings: BaselineEntry[];
}

/** A baseline file that cannot be read or is not one. */
export class BaselineError extends Error {}

/**
 * Findings accepted as they are, so strict checks can be adopted on an existing spec set and fail only on new
 * findings. A finding is matched by code, file, message and the declaration it is in, never by line, so edits
 * elsewhere in a file keep it matched; each recorded finding matches one finding, so a second copy is new.
 */
export class Baseline {
    private constructor(private readonly dir: string, private readonly counts: Map<string, number>) {}

    /** Reads a baseline file; throws with a message naming the file when it cannot be read or is not one. */
    static async read(file: string): Promise<Baseline> {
        let parsed: BaselineFile;
        try {
            parsed = JSON.parse(await fs.readFile(file, 'utf8')) as BaselineFile;
        } catch (error) {
            throw new BaselineError(`cannot read the baseline ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (parsed?.version !== 1 || !Array.isArray(parsed.findings)) {
            throw new BaselineError(`${file} is not an allium baseline (written by allium check --write-baseline).`);
        }
        const counts = new Map<string, number>();
        for (const entry of parsed.findings) {
            const key = findingKey(entry);
            counts.set(key, (counts.get(key) ?? 0) + (Number.isInteger(entry.count) && entry.count > 0 ? entry.count : 1));
        }
        return new Baseline(path.dirname(path.resolve(file)), counts);
    }

    /** Writes the findings (named relative to `cwd`) as a baseline file, sorted so that it diffs well. */
    static async write(file: string, findings: Finding[], cwd: string): Promise<void> {
        const dir = path.dirname(path.resolve(file));
        const entries = new Map<string, BaselineEntry>();
        for (const finding of findings) {
            const relative = rebase(finding, cwd, dir);
            const key = findingKey(relative);
            const known = entries.get(key);
            if (known) {
                known.count++;
            } else {
                entries.set(key, {
                    code: relative.code, file: relative.file, ...relative.declaration ? { declaration: relative.declaration } : {}, message: relative.message, count: 1
                });
            }
        }
        const sorted = [...entries.values()].sort((a, b) => a.file.localeCompare(b.file) || String(a.code).localeCompare(String(b.code))
            || (a.declaration ?? '').localeCompare(b.declaration ?? '') || a.message.localeCompare(b.message));
        const baseline: BaselineFile = { version: 1, findings: sorted };
        await fs.writeFile(file, JSON.stringify(baseline, null, 2) + '\n');
    }

    /** The findings the baseline does not hold, and how many it did. */
    filter(findings: Finding[], cwd: string): { fresh: Finding[]; known: number } {
        const left = new Map(this.counts);
        const fresh: Finding[] = [];
        for (const finding of findings) {
            const key = findingKey(rebase(finding, cwd, this.dir));
            const count = left.get(key) ?? 0;
            if (count > 0) {
                left.set(key, count - 1);
            } else {
                fresh.push(finding);
            }
        }
        return { fresh, known: findings.length - fresh.length };
    }
}

/** The finding with its file named relative to `dir` (with `/`), so a baseline holds wherever the check runs from. */
function rebase(finding: Finding, cwd: string, dir: string): Finding {
    return { ...finding, file: path.relative(dir, path.resolve(cwd, finding.file)).split(path.sep).join('/') };
}
