#!/usr/bin/env node
'use strict';
// The `allium` command of the npm package ("Start-up snapshot" in docs/performance.md). It runs allium.cjs, the bundle
// next to it, from a V8 start-up snapshot of it when the cache holds one built by this node binary, and in this process
// otherwise; the bundle then builds the snapshot in the background after its run. It is JavaScript, not sh, so that it
// runs wherever npm installs a bin (npm's Windows shims run a bin with the program its first line names), and it loads
// only three built-in modules, so that the node start it adds is all it costs. esbuild.mjs writes the build's key (CLI
// version and bundle hash) into the blob's path below.
const { spawn } = require('node:child_process');
const { statSync } = require('node:fs');
const path = require('node:path');

const KEY = '@KEY@';

/** Where the blobs of this CLI build live, or undefined when there is no cache folder to use. */
function snapshotFolder() {
    const env = process.env;
    const base = process.platform === 'win32'
        ? env.LOCALAPPDATA
        : env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : env.HOME && path.join(env.HOME, '.cache');
    return base && path.isAbsolute(base) ? path.join(base, 'allium-editor', 'snapshots', KEY) : undefined;
}

/** One blob per node binary, named by its path; the binary's modification time on the blob says that binary built it. */
function blobOf(folder) {
    return path.join(folder, `${process.execPath.replace(/[/\\:]/g, '%')}.blob`);
}

function fits(blob) {
    try {
        return Math.trunc(statSync(blob).mtimeMs) === Math.trunc(statSync(process.execPath).mtimeMs);
    } catch {
        return false;
    }
}

/** Runs node from the blob with this process's streams; signals are passed on, and its exit status becomes this one's. */
function runFromSnapshot(blob) {
    const child = spawn(process.execPath, ['--snapshot-blob', blob, '--', ...process.argv.slice(2)], { stdio: 'inherit' });
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const pass = signal => child.kill(signal);
    for (const signal of signals) {
        process.on(signal, pass);
    }
    child.on('exit', (code, signal) => {
        for (const s of signals) {
            process.off(s, pass);
        }
        if (signal) {
            process.kill(process.pid, signal);
        } else {
            process.exitCode = code ?? 1;
        }
    });
}

// No snapshot when it is turned off, or when NODE_OPTIONS may hold flags the blob was not built with (node refuses those).
const folder = process.env.ALLIUM_NO_SNAPSHOT || process.env.NODE_OPTIONS ? undefined : snapshotFolder();
const blob = folder && blobOf(folder);
if (blob && fits(blob)) {
    runFromSnapshot(blob);
} else {
    if (blob) {
        process.env.ALLIUM_SNAPSHOT_BLOB = blob;
    }
    require('./allium.cjs');
}
