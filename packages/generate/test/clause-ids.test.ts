import { describe, expect, it } from 'vitest';
import { parseAllium } from '@allium/language';
import { clausesOf, declarationId, fingerprint, formatClauseId, parseClauseId, qualifyClauseId, splitClauseId } from '../src/index.js';

describe('clause ids', () => {
    const examples: Array<[string, ReturnType<typeof parseClauseId>]> = [
        ['rule:ShipOrder', [{ keyword: 'rule', name: 'ShipOrder' }]],
        ['rule:ShipOrder/requires#1', [{ keyword: 'rule', name: 'ShipOrder' }, { keyword: 'requires', index: 1 }]],
        ['rule:ShipOrder/ensures#2', [{ keyword: 'rule', name: 'ShipOrder' }, { keyword: 'ensures', index: 2 }]],
        ['rule:ShipOrder/when', [{ keyword: 'rule', name: 'ShipOrder' }, { keyword: 'when' }]],
        ['entity:Order/field:status', [{ keyword: 'entity', name: 'Order' }, { keyword: 'field', name: 'status' }]],
        ['entity:Order/transitions:status', [{ keyword: 'entity', name: 'Order' }, { keyword: 'transitions', name: 'status' }]],
        ['surface:X/provides#1', [{ keyword: 'surface', name: 'X' }, { keyword: 'provides', index: 1 }]],
        ['contract:Codec', [{ keyword: 'contract', name: 'Codec' }]],
        ['invariant:Name', [{ keyword: 'invariant', name: 'Name' }]],
        ['config:param', [{ keyword: 'config', name: 'param' }]],
        ['config', [{ keyword: 'config' }]],
        ['enum:Name', [{ keyword: 'enum', name: 'Name' }]],
        ['value:Name', [{ keyword: 'value', name: 'Name' }]]
    ];

    it('formats and parses the documented forms', () => {
        for (const [id, segments] of examples) {
            expect(parseClauseId(id), id).toEqual(segments);
            expect(formatClauseId(segments!), id).toBe(id);
        }
    });

    it('encodes characters a name cannot carry and gives the name back', () => {
        const id = formatClauseId([{ keyword: 'entity', name: 'shared/Order' }, { keyword: 'field', name: 'a b#c:d%e' }]);
        expect(id).toBe('entity:shared%2FOrder/field:a%20b%23c%3Ad%25e');
        expect(id).not.toMatch(/\s/);
        expect(parseClauseId(id)).toEqual([{ keyword: 'entity', name: 'shared/Order' }, { keyword: 'field', name: 'a b#c:d%e' }]);
    });

    it('rejects text that is not an id', () => {
        for (const text of ['', 'rule:', ':Name', 'rule:A/', 'rule:A//when', 'rule:A/ensures#0', 'rule:A/ensures#x', 'rule:A B', 'rule:A%zz', '1rule:A', 'rule:A:B']) {
            expect(parseClauseId(text), text).toBeUndefined();
        }
        expect(() => formatClauseId([])).toThrow();
        expect(() => formatClauseId([{ keyword: 'rule', name: '' }])).toThrow();
        expect(() => formatClauseId([{ keyword: 'ensures', index: 0 }])).toThrow();
        expect(() => formatClauseId([{ keyword: 'not a keyword' }])).toThrow();
    });

    it('qualifies an id by its module and reads the module back', () => {
        const id = formatClauseId([{ keyword: 'rule', name: 'ShipOrder' }, { keyword: 'ensures', index: 2 }], 'billing/core');
        expect(id).toBe('billing/core::rule:ShipOrder/ensures#2');
        expect(splitClauseId(id)).toEqual({ module: 'billing/core', local: 'rule:ShipOrder/ensures#2' });
        expect(parseClauseId(id)).toEqual([{ keyword: 'rule', name: 'ShipOrder' }, { keyword: 'ensures', index: 2 }]);
        expect(qualifyClauseId('orders', 'test:rule-success.ShipOrder')).toBe('orders::test:rule-success.ShipOrder');
        expect(splitClauseId('rule:ShipOrder')).toEqual({ local: 'rule:ShipOrder' });
        expect(parseClauseId('bad module::rule:A')).toBeUndefined();
        expect(() => qualifyClauseId('a b', 'rule:A')).toThrow();
    });
});

describe('fingerprints', () => {
    it('ignore layout and comments, and change with any token', () => {
        const base = fingerprint('requires: order.status = paid');
        expect(base).toMatch(/^[0-9a-f]{13}$/);
        expect(fingerprint('requires:   order.status\n        = paid  -- only paid orders ship')).toBe(base);
        expect(fingerprint('requires: order.status = pending')).not.toBe(base);
        expect(fingerprint('requires: label = "a -- b"')).not.toBe(fingerprint('requires: label = "a"'));
    });
});

describe('clauses of a spec', () => {
    it('gives every declaration and its parts an id, numbered per keyword in source order', async () => {
        const { document } = await parseAllium(`-- allium: 3
config {
    max_attempts: Integer = 3
    timeout: Duration = 5.minutes
}

enum Priority { low | high }

entity Order {
    status: pending | shipped | delivered
    total: Decimal

    transitions status {
        pending -> shipped
        shipped -> delivered
    }

    invariant PositiveTotal { total >= 0 }
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    requires: order.total > 0
    ensures: order.status = shipped
}

open question "Can an order be cancelled after shipping?"
`);
        const module = document.parseResult.value;
        const clauses = clausesOf(module, undefined, { fieldIds: true });
        expect(clauses.map(c => c.id)).toEqual([
            'config', 'config:max_attempts', 'config:timeout',
            'enum:Priority',
            'entity:Order', 'entity:Order/field:status', 'entity:Order/field:total', 'entity:Order/transitions:status', 'entity:Order/invariant:PositiveTotal',
            'rule:ShipOrder', 'rule:ShipOrder/when', 'rule:ShipOrder/requires#1', 'rule:ShipOrder/requires#2', 'rule:ShipOrder/ensures#1'
        ]);
        expect(clausesOf(module, 'orders').map(c => c.id).filter(id => id.startsWith('orders::entity:'))).toEqual([
            'orders::entity:Order', 'orders::entity:Order/transitions:status', 'orders::entity:Order/invariant:PositiveTotal'
        ]);
        for (const clause of clauses) {
            expect(parseClauseId(clause.id), clause.id).toBeDefined();
            expect(clause.owner).toBe(clause.id.startsWith('config') ? 'config' : clause.id.split('/')[0]);
        }
        const second = clauses.find(c => c.id === 'rule:ShipOrder/requires#2')!;
        expect(second.text).toBe('requires: order.total > 0');
        expect(second.range.start).toEqual({ line: 23, character: 4 });
        expect(module.declarations.map(declarationId)).toEqual(['config', 'enum:Priority', 'entity:Order', 'rule:ShipOrder', undefined]);
    });
});
