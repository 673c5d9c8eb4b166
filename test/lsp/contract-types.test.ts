import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf, type Range } from './corpus.js';

interface Location { uri: string; range: Range }
interface Edit { range: Range; newText: string }

// Contract parameter and return types name types as field types do: found, renamed and checked with them.
const URI = 'file:///contracts/gateway.allium';
const SPEC = `-- allium: 3
entity Payment {
    amount: Decimal
}

contract Gateway {
    capture: (payment: Payment, retries: Integer) -> Payment
    refund: (payment: Paymnt) -> List<Payment>
}
`;

describe('contract signatures', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize();
        await client.open(URI, SPEC);
        await client.diagnosticsFor(URI);
    });

    afterAll(() => client.dispose());

    it('are references of the types they name', async () => {
        const uses = await client.request<Location[]>('textDocument/references', { textDocument: { uri: URI }, position: positionOf(SPEC, 'entity Payment', 8), context: { includeDeclaration: false } });
        expect(uses.map(u => u.range.start).sort((a, b) => a.line - b.line || a.character - b.character)).toEqual([
            positionOf(SPEC, 'payment: Payment', 9), positionOf(SPEC, '-> Payment', 3), positionOf(SPEC, 'List<Payment>', 5)
        ]);
    });

    it('lead to the type they name', async () => {
        const links = await client.request<Array<{ targetSelectionRange: Range }>>('textDocument/definition', { textDocument: { uri: URI }, position: positionOf(SPEC, '-> Payment', 5) });
        expect(links.map(l => l.targetSelectionRange.start)).toEqual([positionOf(SPEC, 'entity Payment', 7)]);
    });

    it('are renamed with a type another file declares, keeping the import alias', async () => {
        const importer = 'file:///contracts/checkout.allium';
        const text = '-- allium: 3\nuse "./gateway.allium" as pay\n\ncontract Checkout {\n    pay: (amount: Decimal) -> pay/Payment\n}\n';
        await client.open(importer, text);
        await client.diagnosticsFor(importer);
        const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(SPEC, 'entity Payment', 8), newName: 'Charge' });
        expect(edit.changes[importer].map(e => [e.range.start, e.newText])).toEqual([[positionOf(text, 'pay/Payment'), 'pay/Charge']]);
    });

    it('are renamed with the type', async () => {
        const edit = await client.request<{ changes: Record<string, Edit[]> }>('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(SPEC, 'entity Payment', 8), newName: 'Charge' });
        expect(edit.changes[URI].map(e => e.range.start).sort((a, b) => a.line - b.line || a.character - b.character)).toEqual([
            positionOf(SPEC, 'entity Payment', 7), positionOf(SPEC, 'payment: Payment', 9), positionOf(SPEC, '-> Payment', 3), positionOf(SPEC, 'List<Payment>', 5)
        ]);
    });

    it('report a type nobody declares in strict mode, and not in reference mode', async () => {
        const strict = await client.diagnosticsFor(URI);
        expect(strict.filter(d => d.code === 'allium.contract.undefinedType').map(d => [d.range.start, d.message])).toEqual([
            [positionOf(SPEC, 'Paymnt'), expect.stringContaining("'Paymnt'")]
        ]);
        const next = client.nextDiagnostics(URI);
        await client.notify('workspace/didChangeConfiguration', { settings: { allium: { diagnostics: { mode: 'reference' } } } });
        expect((await next).filter(d => d.code === 'allium.contract.undefinedType')).toEqual([]);
    });
});
