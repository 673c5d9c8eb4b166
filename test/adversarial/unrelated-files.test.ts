import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson } from '../support/check-json.js';
import { tempDir } from '../support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../out/cli/allium.cjs');

// `thing` is typed by the only type with every field the rule uses on it: Item here, whatever other files declare,
// so `shipd` is reported as no value of Item.status either way.
const A = '-- allium: 3\n\nentity Item {\n    status: pending | done\n}\n\nrule Finish {\n    when: Finished(thing)\n    requires: thing.status = pending\n    ensures: thing.status = shipd\n}\n';
const B = '-- allium: 3\n\nentity Job {\n    status: pending | done\n}\n';

function findingsOfA(dir: string, files: string[]): string[] {
    const result = spawnSync(process.execPath, [CLI, 'check', '--json', '--extended', ...files], { encoding: 'utf8', cwd: dir });
    return checkJson(result.stdout).diagnostics
        .filter(d => d.file === 'a.allium').map(d => `${d.line} ${d.code} ${d.message}`);
}

describe('findings of a file', () => {
    it('do not change when an unrelated file is checked with it', () => {
        const dir = tempDir('allium-unrelated');
        writeFileSync(path.join(dir, 'a.allium'), A);
        writeFileSync(path.join(dir, 'b.allium'), B);
        const alone = findingsOfA(dir, ['a.allium']);
        expect(alone.some(f => f.includes('allium.status.undefinedValue'))).toBe(true);
        expect(findingsOfA(dir, ['a.allium', 'b.allium'])).toEqual(alone);
    });
});
