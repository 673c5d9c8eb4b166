import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CLI_VERSION } from './version.js';

/** A lock older than this is left over from a build that was killed. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Starts a detached process that builds `blob` from `bundle` with this node and puts it in place atomically: written to a
 * temporary file, run once (it must print this CLI's version), given the node binary's modification time (what the launcher
 * compares to tell a blob of another node build) and renamed. Nothing happens when the cache folder cannot be created or
 * written, or another build holds the lock; nothing is reported either way, since the run itself was complete.
 */
export function buildSnapshotInBackground(bundle: string, blob: string): void {
    const lock = `${blob}.lock`;
    try {
        mkdirSync(path.dirname(blob), { recursive: true });
        if (!takeLock(lock)) {
            return;
        }
        const script = 'tmp="$2.$$.tmp"; "$0" --snapshot-blob "$tmp" --build-snapshot "$1" && [ "$("$0" --snapshot-blob "$tmp" -- --version)" = "$3" ] '
            + '&& touch -r "$0" "$tmp" && mv -f "$tmp" "$2"; rm -f "$tmp" "$4"';
        spawn('/bin/sh', ['-c', script, process.execPath, bundle, blob, `allium ${CLI_VERSION}`, lock], { detached: true, stdio: 'ignore' }).unref();
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
