import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { tempDir } from '../support/temp-dir.js';

const PAYMENTS = '-- allium: 3\nentity Payment {\n    amount: Decimal\n}\n\nentity Refund {\n    payment: Payment\n}\n';
const CHECKOUT = '-- allium: 3\nuse "./payments.allium" as payments\n\nentity Basket {\n    payment: payments/Payment\n}\n\nrule Clear {\n    when: Clear(basket)\n    ensures: basket.payment.amount = 0\n}\n';

interface Edit { range: { start: { line: number; character: number } }; newText: string }

describe('rename across files joined by use', () => {
    let client: LspClient;
    const dir = tempDir('allium-rename');
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

    it('renames a field where linking cannot reach it, through the receivers\' types, across files', async () => {
        const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: checkout }, position: { line: 9, character: 29 }, newName: 'total' });
        expect(edit.changes[payments].map(e => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[2, 4, 'total']]);
        expect(edit.changes[checkout].map(e => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[9, 28, 'total']]);
        expect(await client.request('textDocument/prepareRename', { textDocument: { uri: checkout }, position: { line: 9, character: 29 } }))
            .toEqual({ start: { line: 9, character: 28 }, end: { line: 9, character: 34 } });
    });

    it('refuses to rename a field when a use of its name has a receiver of unknown type', async () => {
        const uri = 'file:///rename/unknown.allium';
        // Two entities have a `state`, and nothing says which one `thing` is.
        await client.open(uri, '-- allium: 3\nentity Order {\n    state: open | done\n}\n\nentity Task {\n    state: open | done\n}\n\nrule Finish {\n    when: Finish(thing)\n    ensures: thing.state = done\n}\n');
        await client.diagnosticsFor(uri);
        await expect(client.request('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 5 }, newName: 'phase' }))
            .rejects.toThrow(/Cannot tell whether 1 use\(s\) of '.state' \(unknown.allium:12\)/);
    });
});
