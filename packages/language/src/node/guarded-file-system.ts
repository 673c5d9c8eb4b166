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

/** Langium's file system access, refusing what {@link unreadableBecause} refuses with an error that says why. */
export class GuardedFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        refuseUnreadable(uri);
        return super.readFile(uri);
    }

    override readFileSync(uri: URI): string {
        refuseUnreadable(uri);
        return super.readFileSync(uri);
    }
}

function refuseUnreadable(uri: URI): void {
    const problem = unreadableBecause(uri.fsPath);
    if (problem) {
        throw new Error(`${uri.fsPath} ${problem}.`);
    }
}

export const GuardedNodeFileSystem = {
    fileSystemProvider: () => new GuardedFileSystemProvider()
};
