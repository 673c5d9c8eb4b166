import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');

const CLEAN = `-- allium: 3
entity Customer {
    orders: Order
}

entity Order {
    customer: Customer
}
`;

describe('allium check --watch', () => {
    it('checks again when a spec or the config changes, and ends cleanly on Ctrl-C', async () => {
        const dir = tempDir('allium-watch');
        writeFileSync(path.join(dir, 'a.allium'), CLEAN);
        const child = spawn(process.execPath, [CLI, 'check', '--watch', '--format', 'text', '.'], { cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', d => { stdout += d; });
        child.stderr.on('data', d => { stderr += d; });
        const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
        /** Waits until the output holds `count` summaries, and returns the last. */
        const run = async (count: number): Promise<string> => {
            const deadline = Date.now() + 30_000;
            while (stdout.split('file checked').length - 1 < count) {
                if (Date.now() > deadline) {
                    throw new Error(`no run ${count} in: ${stdout}\n${stderr}`);
                }
                await new Promise(resolve => setTimeout(resolve, 100));
            }
            return stdout.split(/(?<=infos\.\n)/)[count - 1];
        };
        try {
            expect(await run(1)).toMatch(/1 file checked: 0 errors, 0 warnings, 2 infos\./);
            // stderr is its own pipe: the line after a run may arrive after the run's summary on stdout.
            const deadline = Date.now() + 10_000;
            while (!stderr.includes('watching for changes') && Date.now() < deadline) {
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            expect(stderr).toContain('watching for changes; Ctrl-C to stop');
            writeFileSync(path.join(dir, 'a.allium'), CLEAN.replace('orders: Order', 'orders: Order\n    status: a | b\n    x = = 1'));
            expect(await run(2)).toMatch(/error\[allium\.syntax\]/);
            writeFileSync(path.join(dir, 'allium.config.json'), JSON.stringify({ ignore: ['allium.syntax', 'allium.field.unused'] }));
            expect(await run(3)).not.toMatch(/allium\.syntax|allium\.field\.unused/);
            child.kill('SIGINT');
            expect(await exited).toBe(0);
        } finally {
            child.kill();
        }
    });
});
