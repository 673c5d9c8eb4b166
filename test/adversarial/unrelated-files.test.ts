import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson } from '../support/check-json.js';
import { LspClient } from '../lsp/lsp-client.js';
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

    it('do not change in the editor when an unrelated file sits in the same folder', { timeout: 600_000 }, async () => {
        const lonely = tempDir('allium-unrelated-alone');
        const crowded = tempDir('allium-unrelated-folder');
        for (const dir of [lonely, crowded]) {
            mkdirSync(dir, { recursive: true });
            writeFileSync(path.join(dir, 'a.allium'), A);
        }
        writeFileSync(path.join(crowded, 'b.allium'), B);
        const findings = async (dir: string) => {
            const client = new LspClient();
            try {
                await client.initialize(dir);
                const uri = pathToFileURL(path.join(dir, 'a.allium')).href;
                await client.open(uri, A);
                const { value } = await client.within(client.diagnosticsFor(uri, d => d.length > 0, 600_000), { cpuMs: 20_000, what: `findings of ${uri}` });
                return value.map(d => `${d.range.start.line} ${d.code} ${d.message}`).sort();
            } finally {
                await client.dispose();
            }
        };
        const alone = await findings(lonely);
        expect(alone.some(f => f.includes('allium.status.undefinedValue'))).toBe(true);
        expect(await findings(crowded)).toEqual(alone);
    });
});
