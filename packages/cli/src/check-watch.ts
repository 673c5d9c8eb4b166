import * as path from 'node:path';
import { watch } from 'chokidar';
import { CONFIG_FILE_NAME } from '@allium/language';
import type { CheckOptions } from './check-command.js';
import { findConfigFile } from './project-config-file.js';

/** Quiet time after a change before checking again: a save or a checkout touches several files at once. */
const SETTLE_MS = 100;
const IGNORED = /[\\/](node_modules|\.git)([\\/]|$)/;
/** Erases the terminal and its scrollback, so each run's findings stand alone. */
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

/**
 * Runs `check` now and again whenever a spec under the inputs or the project config changes, until Ctrl-C (or
 * SIGTERM), which stops watching and resolves with 0: ending a watch is not a failure.
 */
export async function watchChecks(options: CheckOptions, check: () => Promise<number>, cwd = process.cwd()): Promise<number> {
    const interactive = Boolean(process.stdout.isTTY);
    const configFile = options.config ? path.resolve(cwd, options.config) : findConfigFile(cwd) ?? path.join(cwd, CONFIG_FILE_NAME);
    const watched = [...options.inputs.map(input => path.resolve(cwd, input)), configFile];
    let running = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    // Runs one after the other; a change during a run checks again once it is done.
    const run = () => {
        running = running.then(async () => {
            if (interactive && options.format === 'text') {
                process.stdout.write(CLEAR);
            }
            await check().catch(error => process.stderr.write(`allium: ${error instanceof Error ? error.message : String(error)}\n`));
            process.stderr.write(`[${new Date().toLocaleTimeString()}] watching for changes; Ctrl-C to stop\n`);
        });
    };
    const changed = (file: string) => {
        if (!file.endsWith('.allium') && path.resolve(file) !== configFile) {
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(run, SETTLE_MS);
    };
    const watcher = watch(watched, { ignoreInitial: true, followSymlinks: false, ignored: file => IGNORED.test(file) })
        .on('add', changed).on('change', changed).on('unlink', changed)
        .on('error', error => process.stderr.write(`allium: watching failed: ${String(error)}\n`));
    await new Promise<void>(resolve => watcher.once('ready', () => resolve()));
    run();
    await new Promise<void>(resolve => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
    });
    clearTimeout(timer);
    await watcher.close();
    await running;
    return 0;
}
