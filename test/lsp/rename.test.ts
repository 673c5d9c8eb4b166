import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

const PAYMENTS = '-- allium: 3\nentity Payment {\n    amount: Decimal\n}\n\nentity Refund {\n    payment: Payment\n}\n';
const CHECKOUT = '-- allium: 3\nuse "./payments.allium" as payments\n\nentity Basket {\n    payment: payments/Payment\n}\n';

interface Edit { range: { start: { line: number; character: number } }; newText: string }

describe('rename across files joined by use', () => {
    let client: LspClient;
    const dir = mkdtempSync(path.join(tmpdir(), 'allium-rename-'));
    const payments = pathToFileURL(path.join(dir, 'payments.allium')).href;
    const checkout = pathToFileURL(path.join(dir, 'checkout.allium')).href;

    beforeAll(async () => {
        writeFileSync(path.join(dir, 'payments.allium'), PAYMENTS);
        writeFileSync(path.join(dir, 'checkout.allium'), CHECKOUT);
        client = new LspClient();
        await client.initialize(dir);
        await client.open(payments, PAYMENTS);
        await client.open(checkout, CHECKOUT);
        await client.diagnosticsFor(checkout);
    });

    afterAll(() => client.dispose());

    it('edits the declaration and every reference, keeping the import alias of qualified names', async () => {
        const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: payments }, position: { line: 1, character: 9 }, newName: 'Charge' });
        expect(edit.changes[payments].map(e => [e.range.start.line, e.newText]).sort()).toEqual([[1, 'Charge'], [6, 'Charge']]);
        expect(edit.changes[checkout].map(e => [e.range.start.line, e.newText])).toEqual([[4, 'payments/Charge']]);
    });

    it('refuses a name that is already declared', async () => {
        await expect(client.request('textDocument/rename', { textDocument: { uri: payments }, position: { line: 1, character: 9 }, newName: 'Refund' }))
            .rejects.toThrow(/already declared/);
    });
});
