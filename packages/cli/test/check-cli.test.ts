import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson } from '../../../test/support/check-json.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');

function run(args: string[], cwd?: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = tempDir('allium-cli');
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const CLEAN = `-- allium: 3
entity Customer {
    orders: Order
}

entity Order {
    customer: Customer
}
`;

const BROKEN = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule Ship {
    when: ShipOrder(order)
    requires: order.status == pending
    ensures: order.status = shipped
}
`;

describe('allium check', () => {
    it('exits 2 with usage when given no input', () => {
        const result = run(['check']);
        expect(result.status).toBe(2);
        expect(result.stdout + result.stderr).toMatch(/Usage: allium check/);
    });

    it('exits 2 when the inputs hold no .allium files', () => {
        const dir = workspace({ 'notes.txt': 'nothing here' });
        const result = run(['check', dir]);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/No \.allium files/);
    });

    it('exits 0 on a clean spec, found through a directory', () => {
        const dir = workspace({ 'specs/orders.allium': CLEAN });
        const result = run(['check', '--format', 'text', 'specs'], dir);
        expect(result.stdout).toMatch(/1 file checked: 0 errors, 0 warnings/);
        expect(result.status).toBe(0);
    });

    it('resolves use paths relative to the importing file with or without ./, as the reference does, and warns about missing ones', () => {
        const dir = workspace({
            'core.allium': '-- allium: 3\nentity Event {\n    x: String\n}\n',
            'consumer.allium': '-- allium: 3\nuse "core.allium" as core\nuse "./missing.allium" as missing\n\nentity Handler {\n    event: core/Event\n}\n'
        });
        const codes = (args: string[]) => checkJson(run(['check', '--json', ...args], dir).stdout)
            .diagnostics.filter(d => d.code === 'allium.use.unresolvedPath' || d.code === 'allium.entity.unused').map(d => `${d.file}:${d.line} ${d.code}`);
        expect(codes(['.'])).toEqual(['consumer.allium:3 allium.use.unresolvedPath', 'consumer.allium:5 allium.entity.unused']);
        // Checked on its own, the consumer still loads what it imports by a bare path.
        expect(codes(['consumer.allium'])).toEqual(['consumer.allium:3 allium.use.unresolvedPath', 'consumer.allium:5 allium.entity.unused']);
    });

    it('reports each name read through the use of a missing .allium file, and nothing more for a use that cannot be read', () => {
        const dir = workspace({
            'orders.allium': '-- allium: 3\nuse "./missing.allium" as missing\nuse "./folder.allium" as folder\n\nentity Order {\n    a: missing/Customer\n    b: folder/Customer\n}\n'
        });
        mkdirSync(path.join(dir, 'folder.allium'));
        const findings = checkJson(run(['check', '--json', 'orders.allium'], dir).stdout).diagnostics
            .filter(d => d.code?.startsWith('allium.use.') || d.code?.startsWith('allium.reference.')).map(d => `${d.line} ${d.severity} ${d.code}`);
        expect(findings).toEqual(['2 warning allium.use.unresolvedPath', '3 error allium.use.unreadable', '6 warning allium.reference.unresolvedImport']);
    });

    it('reports a syntax error with its position in the reference JSON shape and exits 1', () => {
        const dir = workspace({ 'order.allium': BROKEN });
        const result = run(['check', '--json', 'order.allium'], dir);
        expect(result.status).toBe(1);
        const [object] = checkJson(result.stdout).objects;
        expect(Object.keys(object)).toEqual(['command', 'diagnostics', 'findings', 'spec_file']);
        expect(object).toMatchObject({ command: 'check', findings: [], spec_file: 'order.allium' });
        const syntax = object.diagnostics.filter(d => d.code === 'allium.syntax');
        expect(syntax).toHaveLength(1);
        expect(syntax[0]).toMatchObject({ location: { file: 'order.allium', line: 8 }, severity: 'error' });
        expect(Object.keys(syntax[0])).toEqual(['code', 'location', 'message', 'severity']);
        expect(Object.keys(syntax[0].location)).toEqual(['col', 'file', 'line']);
    });

    it('prints findings as file:line:column for humans', () => {
        const dir = workspace({ 'order.allium': BROKEN });
        const result = run(['check', '--format', 'text', 'order.allium'], dir);
        expect(result.stdout).toMatch(/^order\.allium:8:\d+: error\[allium\.syntax\]: /m);
    });

    it('reports the checks only the editor extension runs, such as open questions, with --extended', () => {
        const dir = workspace({ 'open.allium': CLEAN + '\nopen question "Can an order have no customer?"\n' });
        const questions = (stdout: string) => checkJson(stdout).diagnostics
            .filter(d => d.code === 'allium.openQuestion.present').map(d => d.line);
        const plain = run(['check', '--json', 'open.allium'], dir);
        expect(plain.status).toBe(0);
        expect(questions(plain.stdout)).toEqual([]);
        const extended = run(['check', '--json', '--extended', 'open.allium'], dir);
        expect(extended.status).toBe(1);
        expect(questions(extended.stdout)).toEqual([10]);
    });
});
