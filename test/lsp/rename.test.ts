import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessServer } from './in-process.js';

const PAYMENTS = '-- allium: 3\nentity Payment {\n    amount: Decimal\n}\n\nentity Refund {\n    payment: Payment\n}\n';
const CHECKOUT = '-- allium: 3\nuse "./payments.allium" as payments\n\nentity Basket {\n    payment: payments/Payment\n}\n\nrule Clear {\n    when: Clear(basket)\n    ensures: basket.payment.amount = 0\n}\n';

// In process (langium/test): the rename provider with the server's services, asked with an editor's params.
describe('rename across files joined by use', () => {
    const server = new InProcessServer();
    const payments = 'file:///rename/payments.allium';
    const checkout = 'file:///rename/checkout.allium';

    beforeAll(async () => {
        await server.open(payments, PAYMENTS);
        await server.open(checkout, CHECKOUT);
    });

    const rename = async (uri: string, position: { line: number; character: number }, newName: string) =>
        (await server.rename({ textDocument: { uri }, position, newName }))?.changes ?? {};

    it('edits the declaration and every reference, keeping the import alias of qualified names', async () => {
        const changes = await rename(payments, { line: 1, character: 9 }, 'Charge');
        expect(changes[payments].map(e => [e.range.start.line, e.newText]).sort()).toEqual([[1, 'Charge'], [6, 'Charge']]);
        expect(changes[checkout].map(e => [e.range.start.line, e.newText])).toEqual([[4, 'payments/Charge']]);
    });

    it('refuses a name that is already declared', async () => {
        await expect(rename(payments, { line: 1, character: 9 }, 'Refund')).rejects.toThrow(/already declared/);
    });

    it('renames a field where linking cannot reach it, through the receivers\' types, across files', async () => {
        const changes = await rename(checkout, { line: 9, character: 29 }, 'total');
        expect(changes[payments].map(e => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[2, 4, 'total']]);
        expect(changes[checkout].map(e => [e.range.start.line, e.range.start.character, e.newText])).toEqual([[9, 28, 'total']]);
        expect(await server.prepareRename({ textDocument: { uri: checkout }, position: { line: 9, character: 29 } }))
            .toEqual({ start: { line: 9, character: 28 }, end: { line: 9, character: 34 } });
    });

    it('refuses to rename a field when a use of its name has a receiver of unknown type', async () => {
        const uri = 'file:///rename/unknown.allium';
        // Two entities have a `state`, and nothing says which one `thing` is.
        await server.open(uri, '-- allium: 3\nentity Order {\n    state: open | done\n}\n\nentity Task {\n    state: open | done\n}\n\nrule Finish {\n    when: Finish(thing)\n    ensures: thing.state = done\n}\n');
        await expect(rename(uri, { line: 2, character: 5 }, 'phase'))
            .rejects.toThrow(/Cannot tell whether 1 use\(s\) of '.state' \(unknown.allium:12\)/);
    });
});
