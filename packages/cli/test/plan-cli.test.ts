import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');

function run(args: string[], cwd?: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = tempDir('allium-plan');
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const ORDERS = `-- allium: 3
use "./customers.allium" as customers

config {
    payment_timeout: Duration = 30.minutes
}

entity Order {
    buyer: customers/Customer
    status: pending | paid
}

rule Pay {
    when: PayOrder(order, customer)
    requires: order.status = pending
    requires: customer.email != null
    ensures: order.status = paid
}
`;

const CUSTOMERS = `-- allium: 3
entity Customer {
    email: String
}
`;

const BROKEN = `-- allium: 3
entity Order {
    status: pending | paid
    !!
}
`;

describe('allium plan', () => {
    it('prints one file in the reference shape: snake_case keys in its order, spans, dependencies, version', () => {
        const dir = workspace({ 'orders.allium': ORDERS, 'customers.allium': CUSTOMERS });
        const result = run(['plan', '--json', 'orders.allium'], dir);
        expect(result.status).toBe(0);
        const plan = JSON.parse(result.stdout);
        expect(Object.keys(plan)).toEqual(['diagnostics', 'obligations', 'version']);
        expect(plan.diagnostics).toEqual([]);
        expect(plan.version).toBe(3);
        expect(plan.obligations.map((o: { id: string; category: string }) => [o.id, o.category])).toEqual([
            ['config-default.payment_timeout', 'config_default'],
            ['entity-fields.Order', 'entity_fields'],
            ['rule-success.Pay', 'rule_success'],
            ['rule-failure.Pay.1', 'rule_failure'],
            ['rule-failure.Pay.2', 'rule_failure']
        ]);
        const [config, , success] = plan.obligations;
        expect(Object.keys(config)).toEqual(['category', 'description', 'id', 'source_construct', 'source_span']);
        expect(config.source_construct).toBe('config.payment_timeout');
        expect(ORDERS.slice(config.source_span.start, config.source_span.end)).toBe('payment_timeout: Duration = 30.minutes');
        expect(Object.keys(config.source_span)).toEqual(['end', 'start']);
        expect(Object.keys(success)).toEqual(['category', 'dependencies', 'description', 'id', 'source_construct', 'source_span']);
        // Customer is the imported spec's entity: the reference reports only what this file declares.
        expect(success.dependencies).toEqual({ entities_read: ['Order'], entities_written: ['Order'], trigger_source: 'external' });
    });

    it('reports syntax errors as the reference does, still lists what it could read, and exits 1', () => {
        const dir = workspace({ 'broken.allium': BROKEN });
        const result = run(['plan', '--json', 'broken.allium'], dir);
        expect(result.status).toBe(1);
        const plan = JSON.parse(result.stdout);
        expect(plan.diagnostics.length).toBeGreaterThan(0);
        expect(plan.diagnostics[0]).toMatchObject({ code: null, location: { col: 5, file: 'broken.allium', line: 4 }, severity: 'error' });
        expect(Object.keys(plan.diagnostics[0])).toEqual(['code', 'location', 'message', 'severity']);
        expect(plan.obligations.map((o: { id: string }) => o.id)).toContain('entity-fields.Order');
    });

    it('warns about a missing version marker without failing, and gives version null', () => {
        const dir = workspace({ 'plain.allium': 'enum Size { small | large }\n' });
        const result = run(['plan', '--json', 'plain.allium'], dir);
        expect(result.status).toBe(0);
        const plan = JSON.parse(result.stdout);
        expect(plan.version).toBeNull();
        expect(plan.diagnostics).toMatchObject([{ code: null, location: { col: 1, file: 'plain.allium', line: 1 }, severity: 'warning' }]);
        expect(plan.obligations.map((o: { id: string }) => o.id)).toEqual(['enum-comparable.Size']);
    });

    it('prints several files as {"files": [...]}, each file named relative to the working directory', () => {
        const dir = workspace({ 'specs/orders.allium': ORDERS, 'specs/customers.allium': CUSTOMERS });
        const result = run(['plan', '--json', 'specs'], dir);
        expect(result.status).toBe(0);
        const { files } = JSON.parse(result.stdout);
        expect(files.map((f: { file: string }) => f.file)).toEqual([path.join('specs', 'customers.allium'), path.join('specs', 'orders.allium')]);
        expect(Object.keys(files[0])).toEqual(['file', 'diagnostics', 'obligations', 'version']);
        expect(files[0].obligations.map((o: { id: string }) => o.id)).toEqual(['entity-fields.Customer']);
        expect(files[1].obligations).toHaveLength(5);
    });

    it('names a file found in a directory relative to the working directory, also when it is the only one', () => {
        const dir = workspace({ 'specs/plain.allium': '-- allium: 3\nenum Size { small | large }\n' });
        const plan = JSON.parse(run(['plan', '--json', './specs'], dir).stdout);
        expect(Object.keys(plan)).toEqual(['diagnostics', 'obligations', 'version']);
        expect(run(['plan', 'specs'], dir).stdout.split('\n')[0]).toBe(`${path.join('specs', 'plain.allium')}: 1 obligation`);
    });

    it('lists obligations readably, grouped by file and by the declaration they belong to', () => {
        const dir = workspace({ 'orders.allium': ORDERS, 'customers.allium': CUSTOMERS });
        const result = run(['plan', 'orders.allium'], dir);
        expect(result.status).toBe(0);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines[0]).toBe('orders.allium: 5 obligations');
        expect(lines.filter(l => /^ {2}\S/.test(l))).toEqual(['  config', '  entity:Order', '  rule:Pay']);
        expect(lines).toContainEqual(expect.stringMatching(/^ {4}rule_failure +rule-failure\.Pay\.1 {2}\S/));
    });

    it('exits 2 without input or with an unknown option', () => {
        expect(run(['plan']).status).toBe(2);
        const result = run(['plan', '--yaml', 'x.allium']);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/Unknown option --yaml/);
    });
});
