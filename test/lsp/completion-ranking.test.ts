import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf } from './corpus.js';
import { tempDir } from '../support/temp-dir.js';

interface Item { label: string; kind?: number; detail?: string; sortText?: string; insertText?: string; textEdit?: { newText: string } }
type Completion = { items: Item[] } | Item[] | null;

// What an editor shows first is what sorts first: by sortText, then label, as VS Code and other clients order items.
const PAYMENTS = '-- allium: 3\nentity Payment {\n    amount: Decimal\n}\n\nvalue Money {\n    cents: Integer\n}\n\nenum Method { card | transfer }\n';
const ORDERS = `-- allium: 3
use "./payments.allium" as payments

value Address {
    line: String
}

entity Order {
    status: pending | paid | shipped
    address: Address
    payment: payments/
}

rule Pay {
    when: Pay(order)
    requires: order.status = 
    ensures: order.status = paid
}

`;

describe('completion ranking', () => {
    let client: LspClient;
    const dir = tempDir('allium-completion');
    const orders = pathToFileURL(path.join(dir, 'orders.allium')).href;

    beforeAll(async () => {
        writeFileSync(path.join(dir, 'payments.allium'), PAYMENTS);
        writeFileSync(path.join(dir, 'orders.allium'), ORDERS);
        client = new LspClient();
        await client.initialize(dir);
        await client.open(orders, ORDERS);
        await client.diagnosticsFor(orders);
    });

    afterAll(() => client.dispose());

    async function shown(needle: string, offset = needle.length, text = ORDERS): Promise<Item[]> {
        const result = await client.request<Completion>('textDocument/completion', { textDocument: { uri: orders }, position: positionOf(text, needle, offset) });
        const items = Array.isArray(result) ? result : result?.items ?? [];
        return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    }

    it('puts the status values first after order.status = ', async () => {
        expect((await shown('requires: order.status = ')).slice(0, 3).map(i => i.label)).toEqual(['pending', 'paid', 'shipped']);
    });

    it('offers only the imported module\'s names after its alias and a slash', async () => {
        const labels = (await shown('payment: payments/')).map(i => i.label);
        expect(labels.sort()).toEqual(['Method', 'Money', 'Payment']);
    });

    it('describes names in Allium words, not the syntax tree\'s type names', async () => {
        const items = await shown('    address: ', '    address: '.length);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
            expect(item.detail ?? '', item.label).not.toMatch(/Decl\b|NameRef|Literal\b/);
        }
        expect(items.find(i => i.label === 'Address')?.detail).toBe('value');
    });

    it('offers the whole rule as a snippet first, not the bare keyword', async () => {
        const lines = ORDERS.split('\n');
        const result = await client.request<Completion>('textDocument/completion', { textDocument: { uri: orders }, position: { line: lines.length - 1, character: 0 } });
        const items = [...(Array.isArray(result) ? result : result?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        const rules = items.filter(i => i.label.startsWith('rule'));
        expect(rules[0].insertText ?? rules[0].textEdit?.newText).toMatch(/^rule \$\{1:\w+\} \{\n[\s\S]*when:/);
        expect(rules[1]).toMatchObject({ label: 'rule', kind: 14 /* Keyword */ });
    });
});
