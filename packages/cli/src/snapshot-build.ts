import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CLI_VERSION } from './version.js';

/** A lock older than this is left over from a build that was killed. */
const STALE_LOCK_MS = 10 * 60_000;

/** Run by `node -e` with the bundle, the blob, the version line the blob must print and the lock as its arguments. */
const BUILD_SCRIPT = `
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const [bundle, blob, version, lock] = process.argv.slice(1);
const tmp = blob + '.' + process.pid + '.tmp';
try {
    const built = spawnSync(process.execPath, ['--snapshot-blob', tmp, '--build-snapshot', bundle], { stdio: 'ignore', windowsHide: true });
    const tried = built.status === 0 && spawnSync(process.execPath, ['--snapshot-blob', tmp, '--', '--version'], { encoding: 'utf8', windowsHide: true });
    if (tried && tried.status === 0 && tried.stdout.trim() === version) {
        const node = fs.statSync(process.execPath);
        fs.utimesSync(tmp, node.atime, node.mtime);
        fs.renameSync(tmp, blob);
    }
} finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(lock, { force: true });
}
`;

/**
 * Starts a detached process that builds `blob` from `bundle` with this node and puts it in place atomically: written to a
 * temporary file, run once (it must print this CLI's version), given the node binary's modification time (what the launcher
 * compares to tell a blob of another node build) and renamed. The steps run in node, not a shell, so that Windows builds
 * blobs too. Nothing happens when the cache folder cannot be created or written, or another build holds the lock; nothing
 * is reported either way, since the run itself was complete.
 */
export function buildSnapshotInBackground(bundle: string, blob: string): void {
    const lock = `${blob}.lock`;
    try {
        mkdirSync(path.dirname(blob), { recursive: true });
        if (!takeLock(lock)) {
            return;
        }
        spawn(process.execPath, ['-e', BUILD_SCRIPT, bundle, blob, `allium ${CLI_VERSION}`, lock], { detached: true, stdio: 'ignore', windowsHide: true })
            .on('error', () => undefined)
            .unref();
    } catch {
        // A read-only or missing cache folder: the CLI keeps running from the bundle.
    }
}

function takeLock(lock: string): boolean {
    try {
        closeSync(openSync(lock, 'wx'));
        return true;
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) {
            return false;
        }
        rmSync(lock, { force: true });
        closeSync(openSync(lock, 'wx'));
        return true;
    }
}
