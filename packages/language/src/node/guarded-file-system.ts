import * as fs from 'node:fs';
import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';

/** Bytes above which a file is not read: the parser would not parse it anyway (see `PARSE_LIMIT`). */
export const READ_LIMIT = 16_000_000;

/**
 * Why a file cannot be read as a spec, or undefined when it can: only regular files of a bounded size are read, since
 * reading `/dev/zero` never ends, a FIFO blocks until someone writes to it, and a directory cannot be read at all.
 */
export function unreadableBecause(path: string): string | undefined {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(path);
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a symbolic link that loops' : 'does not exist';
    }
    if (stat.isDirectory()) {
        return 'is a directory';
    }
    if (!stat.isFile()) {
        return 'is not a regular file (a device, pipe or socket)';
    }
    return stat.size > READ_LIMIT ? `is larger than ${READ_LIMIT / 1_000_000} MB` : undefined;
}

/** Why a `use` target that exists cannot be imported (see {@link unreadableBecause}), or undefined when it can. */
export function useTargetProblem(path: string): string | undefined {
    return fs.existsSync(path) ? unreadableBecause(path) ?? (path.endsWith('.allium') ? undefined : 'is not an Allium file (.allium)') : undefined;
}


export function unreadableUseMessage(usePath: string, problem: string): string {
    return `'${usePath}' ${problem}, so nothing is imported from it. Point the use at an .allium file.`;
}

/**
 * The text of a spec file, refusing what {@link unreadableBecause} refuses and bytes that are not UTF-8, with an error
 * that says why: decoded leniently, such bytes would become U+FFFD, silently, and a formatter writing the text back
 * would replace them for good. A byte order mark is kept.
 */
export async function readSpecFile(path: string): Promise<string> {
    refuseUnreadable(path);
    return decodeSpec(path, await fs.promises.readFile(path));
}

/** {@link readSpecFile}, synchronously. */
export function readSpecFileSync(path: string): string {
    refuseUnreadable(path);
    return decodeSpec(path, fs.readFileSync(path));
}

/** Langium's file system access, reading files as {@link readSpecFile} does. */
export class GuardedFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        return readSpecFile(uri.fsPath);
    }

    override readFileSync(uri: URI): string {
        return readSpecFileSync(uri.fsPath);
    }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeSpec(path: string, bytes: Uint8Array): string {
    try {
        return utf8.decode(bytes);
    } catch {
        throw new Error(`${path} is not valid UTF-8 text. Save it as UTF-8.`);
    }
}

function refuseUnreadable(path: string): void {
    const problem = unreadableBecause(path);
    if (problem) {
        throw new Error(`${path} ${problem}.`);
    }
}

export const GuardedNodeFileSystem = {
    fileSystemProvider: () => new GuardedFileSystemProvider()
};
