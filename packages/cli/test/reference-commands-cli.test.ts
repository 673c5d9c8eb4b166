import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';

// `allium parse`, `model` and `analyse` keep the reference CLI's contracts: its JSON shapes (keys in alphabetical
// order), its one-file-or-many arguments and its exit statuses.
const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');
const FIXTURES = path.resolve(__dirname, '../../language/test/fixtures/analysis');

function run(args: string[], cwd?: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = tempDir('allium-refcmd');
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

/** Every JSON document in `text`, as the reference prints one per file, one after the other. */
function documents(text: string): unknown[] {
    return text.split(/(?<=^\})\n(?=\{)/m).map(part => JSON.parse(part));
}

// The reference `allium model` prints exactly what ours does for this spec (checked with 3.5.3 when it was written).
const ORDERS = `-- allium: 3
-- Café orders (the é makes byte offsets differ from character offsets)
config {
    max_items: Integer = 10
    currency: String
}

enum Size { small | large }

value Money {
    amount: Decimal
    currency: String
}

external entity Customer {
    email: String
}

entity LineItem {
    order: Order
}

entity Order {
    customer: Customer
    status: pending | shipped | delivered
    total: Money
    count: Integer
    shipped_at: Timestamp when status = shipped | delivered
    note: String?
    items: LineItem with order = this
    big_items: items where count > 3
    is_late: shipped_at < now
    transitions status {
        pending -> shipped
        shipped -> delivered
        terminal: delivered
    }
    invariant PositiveCount { this.count > 0 }
}
`;

const BROKEN = `-- allium: 3
entity Order {
    status: pending | paid
    !!
}
`;

describe('allium model', () => {
    it('prints the domain model in the reference shape', () => {
        const dir = workspace({ 'orders.allium': ORDERS });
        const result = run(['model', 'orders.allium'], dir);
        expect(result.status).toBe(0);
        const model = JSON.parse(result.stdout);
        expect(Object.keys(model)).toEqual(['config', 'diagnostics', 'entities', 'enums', 'value_types', 'version']);
        expect(model.version).toBe(3);
        expect(model.diagnostics).toEqual([]);
        expect(model.config).toEqual([{ default_expr: '10', name: 'max_items', type_expr: 'Integer' }, { name: 'currency', type_expr: 'String' }]);
        expect(model.enums).toEqual([{ name: 'Size', values: ['small', 'large'] }]);
        expect(model.value_types).toEqual([{ fields: [{ name: 'amount', type_expr: 'Decimal' }, { name: 'currency', type_expr: 'String' }], name: 'Money' }]);
        expect(model.entities.map((e: { name: string; kind: string }) => [e.name, e.kind])).toEqual([['Customer', 'external'], ['LineItem', 'internal'], ['Order', 'internal']]);
        const order = model.entities[2];
        expect(Object.keys(order)).toEqual(['derived_values', 'fields', 'invariants', 'kind', 'name', 'projections', 'relationships', 'transition_graphs']);
        expect(order.fields).toEqual([
            { name: 'customer', type_expr: 'Customer' },
            { enum_values: ['pending', 'shipped', 'delivered'], name: 'status', type_expr: 'pending | shipped | delivered' },
            { name: 'total', type_expr: 'Money' },
            { constraints: [{ bound: '> 0', invariant: 'PositiveCount' }], name: 'count', type_expr: 'Integer' },
            { name: 'shipped_at', type_expr: 'Timestamp', when_set: { qualifying_states: ['shipped', 'delivered'], status_field: 'status' } },
            { name: 'note', optional: true, type_expr: 'String?' }
        ]);
        expect(order.relationships).toEqual([{ name: 'items', target: 'LineItem' }]);
        expect(order.projections).toEqual([{ name: 'big_items', source: 'items' }]);
        // A derived value exists in the states of the fields it reads.
        expect(order.derived_values).toEqual([{ name: 'is_late', when_set: { qualifying_states: ['delivered', 'shipped'], status_field: 'status' } }]);
        expect(order.transition_graphs).toEqual([{
            edges: [{ from: 'pending', to: 'shipped' }, { from: 'shipped', to: 'delivered' }],
            field: 'status',
            states: ['delivered', 'pending', 'shipped'],
            terminal: ['delivered']
        }]);
        expect(order.invariants).toEqual([{ expression: 'this.count > 0', name: 'PositiveCount', scope: 'entity' }]);
    });

    it('reports syntax errors, still lists what it could read, and exits 1', () => {
        const dir = workspace({ 'broken.allium': BROKEN });
        const result = run(['model', 'broken.allium'], dir);
        expect(result.status).toBe(1);
        const model = JSON.parse(result.stdout);
        expect(model.diagnostics[0]).toMatchObject({ code: null, location: { col: 5, file: 'broken.allium', line: 4 }, severity: 'error' });
        expect(model.entities).toEqual([{ fields: [{ enum_values: ['pending', 'paid'], name: 'status', type_expr: 'pending | paid' }], kind: 'internal', name: 'Order' }]);
    });

    it('leaves out empty lists and gives version null without a marker', () => {
        const dir = workspace({ 'plain.allium': 'enum Size { small | large }\n' });
        const result = run(['model', 'plain.allium'], dir);
        expect(result.status).toBe(0);
        const model = JSON.parse(result.stdout);
        expect(Object.keys(model)).toEqual(['diagnostics', 'enums', 'version']);
        expect(model.version).toBeNull();
        expect(model.diagnostics).toMatchObject([{ location: { line: 1 }, severity: 'warning' }]);
    });

    it('takes exactly one file: 2 for none or two, 1 for one that cannot be read', () => {
        const dir = workspace({ 'a.allium': ORDERS, 'b.allium': ORDERS });
        expect(run(['model'], dir).status).toBe(2);
        expect(run(['model', 'a.allium', 'b.allium'], dir).status).toBe(2);
        const missing = run(['model', 'absent.allium'], dir);
        expect(missing.status).toBe(1);
        expect(missing.stderr).toContain('absent.allium');
        expect(run(['model', '--help'], dir).stdout).toContain('Usage: allium model');
    });
});

describe('allium parse', () => {
    it('prints the syntax tree with node types, byte spans, names and references', () => {
        const dir = workspace({ 'orders.allium': ORDERS });
        const result = run(['parse', 'orders.allium'], dir);
        expect(result.status).toBe(0);
        const tree = JSON.parse(result.stdout);
        expect(Object.keys(tree)).toEqual(['diagnostics', 'module']);
        expect(tree.module).toMatchObject({ $type: 'Module', version: 3 });
        const declarations = tree.module.declarations;
        expect(declarations.map((d: { $type: string; name?: string }) => [d.$type, d.name])).toEqual([
            ['ConfigDecl', undefined], ['EnumDecl', 'Size'], ['ValueDecl', 'Money'], ['EntityDecl', 'Customer'], ['EntityDecl', 'LineItem'], ['EntityDecl', 'Order']
        ]);
        // Spans count UTF-8 bytes, as the reference's do: the é before them is two bytes.
        const bytes = Buffer.from(ORDERS);
        const order = declarations[5];
        expect(bytes.subarray(order.span.start, order.span.end).toString()).toMatch(/^entity Order \{[\s\S]*\}$/);
        expect(bytes.subarray(order.nameSpan.start, order.nameSpan.end).toString()).toBe('Order');
        const at = ORDERS.indexOf('entity Order');
        expect(order.span.start).toBe(Buffer.byteLength(ORDERS.slice(0, at)));
        expect(order.span.start).toBeGreaterThan(at);
        const customer = order.items[0];
        expect(customer).toMatchObject({ $type: 'Assignment', name: 'customer', value: { $type: 'NameRef', ref: { ref: 'Customer' } } });
        expect(declarations[3].external).toBe(true);
    });

    it('reports syntax errors and exits 1; takes exactly one file', () => {
        const dir = workspace({ 'broken.allium': BROKEN });
        const result = run(['parse', 'broken.allium'], dir);
        expect(result.status).toBe(1);
        const tree = JSON.parse(result.stdout);
        expect(tree.diagnostics[0]).toMatchObject({ code: null, location: { line: 4 }, severity: 'error' });
        expect(tree.module.declarations[0]).toMatchObject({ $type: 'EntityDecl', name: 'Order' });
        expect(run(['parse'], dir).status).toBe(2);
    });
});

describe('allium analyse', () => {
    it('prints the diagnostics and process findings of a file in the reference shape, exiting 1 for findings', () => {
        const dir = workspace({});
        copyFileSync(path.join(FIXTURES, 'dead.allium'), path.join(dir, 'dead.allium'));
        const result = run(['analyse', 'dead.allium'], dir);
        expect(result.status).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(Object.keys(report)).toEqual(['command', 'diagnostics', 'findings', 'spec_file']);
        expect(report.command).toBe('analyse');
        expect(report.spec_file).toBe('dead.allium');
        expect(report.findings.map((f: { type: string }) => f.type)).toEqual(['dead_transition', 'deadlock', 'missing_producer']);
        expect(Object.keys(report.findings[0])).toEqual(['affected_entities', 'edge', 'summary', 'type', 'unsatisfiable_requires', 'witnessing_rules']);
        // The checks of `allium check` come along, in the reference's diagnostic shape.
        for (const diagnostic of report.diagnostics) {
            expect(Object.keys(diagnostic)).toEqual(['code', 'location', 'message', 'severity']);
            expect(diagnostic.location.file).toBe('dead.allium');
        }
    });

    it('exits 0 for a spec without findings, even with diagnostics', () => {
        const dir = workspace({});
        copyFileSync(path.join(FIXTURES, 'clean.allium'), path.join(dir, 'clean.allium'));
        const result = run(['analyse', 'clean.allium'], dir);
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout).findings).toEqual([]);
    });

    it('prints one JSON document per file of a directory, each named relative to the working directory', () => {
        const dir = workspace({});
        mkdirSync(path.join(dir, 'specs'));
        for (const name of ['clean.allium', 'conflict.allium', 'invariant.allium']) {
            copyFileSync(path.join(FIXTURES, name), path.join(dir, 'specs', name));
        }
        const result = run(['analyse', 'specs'], dir);
        expect(result.status).toBe(1);
        const reports = documents(result.stdout) as { spec_file: string; findings: { type: string }[] }[];
        expect(reports.map(r => [r.spec_file, r.findings.map(f => f.type)])).toEqual([
            [path.join('specs', 'clean.allium'), []],
            [path.join('specs', 'conflict.allium'), ['conflict']],
            [path.join('specs', 'invariant.allium'), ['invariant_risk']]
        ]);
    });

    it('counts the triggers an imported spec offers as reachable, by alias or unqualified', () => {
        const dir = workspace({
            'desk.allium': '-- allium: 3\nentity Clerk {\n    name: String\n}\n\nsurface Desk {\n    facing clerk: Clerk\n    provides:\n        Cancel(order)\n}\n',
            'orders.allium': `-- allium: 3
use "./desk.allium" as desk
use "./elsewhere.allium" as elsewhere

entity Order {
    status: pending | cancelled | refunded
}

rule CancelOrder {
    when: desk/Cancel(order)
    requires: order.status = pending
    ensures: order.status = cancelled
}

rule CancelDirectly {
    when: Cancel(order)
    requires: order.status = pending
    ensures: order.status = cancelled
}

rule RefundOrder {
    when: desk/Refund(order)
    requires: order.status = cancelled
    ensures: order.status = refunded
}

rule RefundElsewhere {
    when: elsewhere/Refund(order)
    requires: order.status = cancelled
    ensures: order.status = refunded
}
`
        });
        const report = JSON.parse(run(['analyse', 'orders.allium'], dir).stdout);
        // desk.allium is read as \`allium check\` reads it; elsewhere.allium does not exist, so what it offers is unknown.
        expect(report.findings.map((f: { summary: string }) => f.summary)).toEqual(["Trigger 'desk/Refund' is not provided by any surface"]);
    });

    it('exits 2 without input or with an unknown option', () => {
        const dir = workspace({});
        expect(run(['analyse'], dir).status).toBe(2);
        expect(run(['analyse', 'nowhere'], dir).status).toBe(2);
        expect(run(['analyse', '--fast', 'x.allium'], dir).status).toBe(2);
        expect(run(['analyse', '--help'], dir).stdout).toContain('dead_transition');
    });
});
