import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');

function run(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MESSY = `-- allium: 3
entity Order {
  status: pending | shipped   
      total: Decimal
}



rule Ship {
  when: ShipOrder(order)
  ensures:
      order.status = shipped
}
`;

const TIDY = `-- allium: 3
entity Order {
    status: pending | shipped
    total: Decimal
}

rule Ship {
    when: ShipOrder(order)
    ensures:
        order.status = shipped
}
`;

describe('allium format', () => {
    it('prints one formatted file, lists what --check finds and exits 1, rewrites with --write', () => {
        const dir = tempDir('allium-format');
        writeFileSync(path.join(dir, 'messy.allium'), MESSY);
        writeFileSync(path.join(dir, 'tidy.allium'), TIDY);

        const printed = run(['format', 'messy.allium'], dir);
        expect(printed.status).toBe(0);
        expect(printed.stdout).toBe(TIDY);
        expect(readFileSync(path.join(dir, 'messy.allium'), 'utf8')).toBe(MESSY);

        const checked = run(['format', '--check', '.'], dir);
        expect([checked.status, checked.stdout]).toEqual([1, 'messy.allium\n']);
        expect(checked.stderr).toContain('2 files checked, 1 not formatted.');

        const written = run(['format', '--write', '.'], dir);
        expect([written.status, written.stdout]).toEqual([0, 'messy.allium\n']);
        expect(readFileSync(path.join(dir, 'messy.allium'), 'utf8')).toBe(TIDY);
        expect(run(['format', '--check', '.'], dir).status).toBe(0);
    });

    it('exits 2 without input, with several files and no option, or with both options', () => {
        const dir = tempDir('allium-format');
        writeFileSync(path.join(dir, 'a.allium'), TIDY);
        writeFileSync(path.join(dir, 'b.allium'), TIDY);
        expect(run(['format'], dir).status).toBe(2);
        expect(run(['format', 'missing.allium'], dir).stderr).toContain('No .allium files found');
        expect(run(['format', '.'], dir).status).toBe(2);
        expect(run(['format', '--check', '--write', '.'], dir).status).toBe(2);
    });
});
