import type { CompletionItem, Position } from 'vscode-languageserver';
import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessServer } from './in-process.js';
import { positionOf } from './corpus.js';

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

// In process (langium/test): the completion provider with the server's services, asked with an editor's params.
describe('completion ranking', () => {
    const server = new InProcessServer();
    const orders = 'file:///ranking/orders.allium';

    beforeAll(async () => {
        await server.open('file:///ranking/payments.allium', PAYMENTS);
        await server.open(orders, ORDERS);
    });

    async function at(position: Position): Promise<CompletionItem[]> {
        const items = (await server.completion({ textDocument: { uri: orders }, position }))?.items ?? [];
        return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    }

    const shown = (needle: string, offset = needle.length, text = ORDERS) => at(positionOf(text, needle, offset));

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
        const items = await at({ line: lines.length - 1, character: 0 });
        const rules = items.filter(i => i.label.startsWith('rule'));
        expect(rules[0].insertText ?? (rules[0].textEdit as { newText: string } | undefined)?.newText).toMatch(/^rule \$\{1:\w+\} \{\n[\s\S]*when:/);
        expect(rules[1]).toMatchObject({ label: 'rule', kind: 14 /* Keyword */ });
    });
});
