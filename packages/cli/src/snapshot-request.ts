import * as path from 'node:path';

/**
 * The variable through which the `allium` launcher (packages/cli/launcher/allium.cjs) tells the bundle, when it runs it
 * without a snapshot, which blob would have fitted this node: the bundle builds it in the background when it is done.
 */
export const SNAPSHOT_BLOB_VARIABLE = 'ALLIUM_SNAPSHOT_BLOB';

/**
 * The blob to build after this run, read once and removed from the environment so that no child process sees it; undefined
 * when the launcher asked for none.
 */
export function takeSnapshotRequest(): string | undefined {
    const blob = process.env[SNAPSHOT_BLOB_VARIABLE];
    delete process.env[SNAPSHOT_BLOB_VARIABLE];
    return blob && path.isAbsolute(blob) ? blob : undefined;
}
