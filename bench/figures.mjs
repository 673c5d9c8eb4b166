// What the benches share: the reference checker as the yardstick, medians, and one way to print a figure against its
// target. The reference is optional: without ../shared the figures print without their ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = path.join(root, 'test/corpus');
export const reference = [process.env.ALLIUM_REFERENCE, path.resolve(root, '../shared/reference-checker/allium')].find(p => p && existsSync(p));

export const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = xs => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Median wall time of a fresh process, in ms; `env` adds to this process's environment. */
export function processTime(command, args, runs = 5, env = {}) {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        spawnSync(command, args, { stdio: 'ignore', env: { ...process.env, ...env } });
        times.push(performance.now() - start);
    }
    return median(times);
}

/** The reference's median time for `check` of these files, or undefined without the reference. */
export function referenceCheck(files, runs = 5) {
    return reference ? processTime(reference, ['check', ...files], runs) : undefined;
}

/**
 * Prints one figure: its value, and its target either as an absolute bound (`atMost`) or as a multiple (`times`) of
 * a yardstick measured in the same run (`base`, named `baseName`); a multiple with no yardstick prints no verdict.
 */
export function figure(name, value, { unit = 'ms', atMost, times, base, baseName = 'reference' } = {}) {
    const shown = `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
    let target = '';
    let verdict = '';
    if (times !== undefined) {
        if (base === undefined) {
            target = `target <= ${times}x ${baseName} (not available here)`;
        } else {
            const ratio = value / base;
            target = `${baseName} ${base.toFixed(base < 10 ? 1 : 0)} ${unit}, ratio ${ratio.toFixed(1)}x, target <= ${times}x`;
            verdict = ratio <= times ? 'met' : 'MISSED';
        }
    } else if (atMost !== undefined) {
        target = `target <= ${atMost} ${unit}`;
        verdict = value <= atMost ? 'met' : 'MISSED';
    } else if (base !== undefined) {
        target = `${baseName} ${base.toFixed(base < 10 ? 1 : 0)} ${unit}, ratio ${(value / base).toFixed(1)}x`;
    }
    console.log(`${name}: ${shown}${target ? ` | ${target}` : ''}${verdict ? ` | ${verdict}` : ''}`);
}
