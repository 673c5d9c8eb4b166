import { accessSync, constants, lstatSync, mkdirSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';

export interface FileToWrite {
    path: string;
    text: string;
}

export interface WriteOptions {
    /** Overwrite existing files and write into dot-directories (`.git`, `.github`, `.vscode`, ...). */
    force: boolean;
    /** The file an incomplete answer was cut off in: written as `<path>.incomplete`, so it is not taken for finished code. */
    cutFile?: string;
}

export interface WriteReport {
    /** Paths as written, relative to the output folder. */
    written: string[];
    skipped: Array<{ path: string; reason: string }>;
}

/** Suffix of a file the answer was cut off in. */
export const INCOMPLETE_SUFFIX = '.incomplete';

/** A file that is not written, and why; the other files still are. */
class Skip extends Error {}

/**
 * Why `--out` cannot take the files, checked before any request so that a long generation is not wasted: it must
 * be a folder, or creatable as one, and writable. Undefined when it is fine.
 */
export function outDirProblem(out: string): string | undefined {
    const root = path.resolve(out);
    const stat = entry(root, statSync);
    if (stat && !stat.isDirectory()) {
        return `--out ${out} is a file, not a folder.`;
    }
    let existing = root;
    while (!entry(existing, statSync)) {
        existing = path.dirname(existing);
    }
    if (!entry(existing, statSync)!.isDirectory()) {
        return `--out ${out} cannot be created: ${existing} is a file.`;
    }
    try {
        accessSync(existing, constants.W_OK);
    } catch {
        return `--out ${out} ${existing === root ? 'is not writable' : `cannot be created: ${existing} is not writable`}.`;
    }
    return undefined;
}

/**
 * Writes generated files under `out`, each on its own: a path the model got wrong is skipped with the reason and
 * the rest are written. Never outside `out` (`..`, absolute paths, symbolic links that lead out: the real path of
 * the deepest existing ancestor decides), never over an existing file or into a dot-directory without `force`.
 */
export function writeFiles(out: string, files: readonly FileToWrite[], options: WriteOptions): WriteReport {
    const report: WriteReport = { written: [], skipped: [] };
    const root = path.resolve(out);
    let realRoot: string;
    try {
        mkdirSync(root, { recursive: true });
        realRoot = realpathSync(root);
    } catch (error) {
        for (const file of files) {
            report.skipped.push({ path: file.path, reason: `${out} cannot be created (${reasonOf(error)})` });
        }
        return report;
    }
    for (const file of files) {
        const name = file.path === options.cutFile ? file.path + INCOMPLETE_SUFFIX : file.path;
        try {
            writeOne(root, realRoot, name, file.text, options.force);
            report.written.push(name);
        } catch (error) {
            report.skipped.push({ path: name, reason: error instanceof Skip ? error.message : reasonOf(error) });
        }
    }
    return report;
}

/**
 * Writes a file of our own under `out` (the trace record), over its previous version and into its dot-directory,
 * with the same guards against leaving `out`; the problem, if any, in words.
 */
export function writeOwnFile(out: string, name: string, text: string): string | undefined {
    const root = path.resolve(out);
    try {
        mkdirSync(root, { recursive: true });
        writeOne(root, realpathSync(root), name, text, true);
        return undefined;
    } catch (error) {
        return error instanceof Skip ? error.message : reasonOf(error);
    }
}

function writeOne(root: string, realRoot: string, name: string, text: string, force: boolean): void {
    if (name.includes('\0')) {
        throw new Skip('the path contains a NUL byte');
    }
    const target = path.resolve(root, name);
    if (target === root) {
        throw new Skip('the path names the output folder itself');
    }
    if (!inside(root, target)) {
        throw new Skip('it would be written outside the output folder');
    }
    const real = realTarget(target);
    if (!inside(realRoot, real)) {
        throw new Skip('a symbolic link on its path leads outside the output folder');
    }
    const dotDirectory = [path.relative(root, target), path.relative(realRoot, real)]
        .flatMap(relative => relative.split(path.sep).slice(0, -1)).find(segment => segment.startsWith('.'));
    if (dotDirectory && !force) {
        throw new Skip(`it is inside the dot-directory ${dotDirectory} (pass --force to write there)`);
    }
    const existing = entry(target, lstatSync);
    if (existing?.isDirectory()) {
        throw new Skip('a folder of that name exists');
    }
    if (existing && !force) {
        throw new Skip('the file exists (pass --force to overwrite it)');
    }
    try {
        mkdirSync(path.dirname(target), { recursive: true });
    } catch (error) {
        throw codeOf(error) === 'EEXIST' || codeOf(error) === 'ENOTDIR' ? new Skip('a file stands where a folder of its path should be') : error;
    }
    try {
        // Exclusive creation closes the gap between the check above and the write, and never follows a link.
        writeFileSync(target, text, { flag: force ? 'w' : 'wx' });
    } catch (error) {
        throw codeOf(error) === 'EEXIST' ? new Skip('the file exists (pass --force to overwrite it)') : error;
    }
}

/** What is at a path, or undefined when nothing is, also when a file stands where a folder of the path would be. */
function entry(target: string, stat: (p: string) => Stats): Stats | undefined {
    try {
        return stat(target);
    } catch (error) {
        if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
            return undefined;
        }
        throw error;
    }
}

function codeOf(error: unknown): string | undefined {
    return (error as { code?: string } | undefined)?.code;
}

/** The real path `target` would have: its deepest existing ancestor resolved, the missing rest appended. */
function realTarget(target: string): string {
    let existing = target;
    while (!entry(existing, lstatSync)) {
        existing = path.dirname(existing);
    }
    try {
        return path.join(realpathSync(existing), path.relative(existing, target));
    } catch {
        throw new Skip('a symbolic link on its path leads nowhere');
    }
}

function inside(root: string, target: string): boolean {
    const relative = path.relative(root, target);
    return relative !== '' && !relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative);
}

function reasonOf(error: unknown): string {
    switch (codeOf(error)) {
        case 'ENAMETOOLONG': return 'the name is too long for the file system';
        case 'ENOTDIR': return 'a file stands where a folder of its path should be';
        case 'EISDIR': return 'a folder of that name exists';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        default: return error instanceof Error ? error.message : String(error);
    }
}

/** A path as it can be shown in a terminal: quoted when it holds control characters. */
export function printablePath(name: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    return /[\u0000-\u001f\u007f]/.test(name) ? JSON.stringify(name) : name;
}
