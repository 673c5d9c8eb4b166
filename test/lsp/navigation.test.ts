import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { InProcessServer } from './in-process.js';
import { corpusFile, positionOf, type Range } from './corpus.js';
import { tempDir } from '../support/temp-dir.js';

interface LocationLink { targetUri: string; targetSelectionRange: Range }
interface SymbolInformation { name: string; location: { uri: string } }

const LIFECYCLE = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');

// In process (langium/test): the definition, references and highlight providers with the server's services.
describe('navigation on a corpus spec', () => {
    const server = new InProcessServer();

    beforeAll(async () => {
        await server.open(LIFECYCLE.uri, LIFECYCLE.text);
    });

    it('goes from a type name to the exact name of its declaration', async () => {
        const links = await server.definition({ textDocument: { uri: LIFECYCLE.uri }, position: positionOf(LIFECYCLE.text, 'customer: Customer', 12) });
        expect(links.map(l => [l.targetUri, l.targetSelectionRange])).toEqual([[LIFECYCLE.uri, { start: { line: 51, character: 16 }, end: { line: 51, character: 24 } }]]);
    });

    it('goes from a field reached through a binding to the field', async () => {
        const links = await server.definition({ textDocument: { uri: LIFECYCLE.uri }, position: positionOf(LIFECYCLE.text, 'order.status = picking', 7) });
        expect(links.map(l => l.targetSelectionRange)).toEqual([{ start: { line: 26, character: 4 }, end: { line: 26, character: 10 } }]);
    });

    it('goes from a status value compared with a field to that value in the field\'s declaration', async () => {
        const links = await server.definition({ textDocument: { uri: LIFECYCLE.uri }, position: positionOf(LIFECYCLE.text, 'order.status = picking', 16) });
        const declared = positionOf(LIFECYCLE.text, 'status: pending | confirmed | picking', 30);
        expect(links.map(l => l.targetSelectionRange)).toEqual([{ start: declared, end: { line: declared.line, character: declared.character + 'picking'.length } }]);
    });

    it('finds the uses of a field through bindings, creation arguments and its transition graph, not those of another entity\'s field', async () => {
        const at = { textDocument: { uri: LIFECYCLE.uri }, position: positionOf(LIFECYCLE.text, 'status: pending | confirmed', 1) };
        const uses = (await server.references({ ...at, context: { includeDeclaration: false } })).map(l => l.range.start);
        for (const [needle, offset] of [['order.status = picking', 6], ['order: Order.status transitions_to', 13], ['transitions status {', 12], ['provides: ShipOrder(order, tracking) when order.status', 48],
            ['is_complete: status', 13]] as const) {
            expect(uses, needle).toContainEqual(positionOf(LIFECYCLE.text, needle, offset));
        }
        expect(uses).not.toContainEqual(positionOf(LIFECYCLE.text, 'transitions status {', 12, 1));
        expect(uses).not.toContainEqual(positionOf(LIFECYCLE.text, 'payment_status', 0));
        const highlights = await server.highlights(at);
        expect(highlights).toHaveLength(uses.length + 1);
    });

    it('finds every reference to a type, with or without its declaration', async () => {
        const at = { textDocument: { uri: LIFECYCLE.uri }, position: positionOf(LIFECYCLE.text, 'external entity Customer', 18) };
        const uses = await server.references({ ...at, context: { includeDeclaration: false } });
        expect(uses.map(l => l.range.start)).toEqual([positionOf(LIFECYCLE.text, 'customer: Customer', 10), positionOf(LIFECYCLE.text, 'identified_by: Customer', 15)]);
        const all = await server.references({ ...at, context: { includeDeclaration: true } });
        expect(all).toHaveLength(3);
    });
});

describe('workspace index across files', () => {
    async function workspace(editorWatchesFiles: boolean) {
        const dir = tempDir('allium-workspace');
        const orders = path.join(dir, 'orders.allium');
        writeFileSync(orders, '-- allium: 3\nuse "./customers.allium" as people\n\nentity Order {\n    buyer: people/Customer\n}\n');
        const client = new LspClient();
        await client.initialize(dir, { editorWatchesFiles });
        const symbols = async (query: string) =>
            (await client.request<SymbolInformation[]>('workspace/symbol', { query })).map(s => `${s.name} ${path.basename(s.location.uri)}`);
        return { dir, client, symbols, ordersUri: pathToFileURL(orders).href, customers: path.join(dir, 'customers.allium') };
    }

    const CUSTOMERS = '-- allium: 3\nentity Customer {\n    email: String\n}\n\nentity Supplier {\n    name: String\n}\n';

    it('indexes the folder\'s files without opening them, and follows files the editor reports created and deleted', async () => {
        const { client, symbols, ordersUri, customers } = await workspace(true);
        const customersUri = pathToFileURL(customers).href;
        await expect.poll(() => symbols('Order')).toEqual(['Order orders.allium']);
        expect(client.registrations).toContain('workspace/didChangeWatchedFiles');

        writeFileSync(customers, CUSTOMERS);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: customersUri, type: 1 }] });
        await expect.poll(() => symbols('Customer')).toEqual(['Customer customers.allium']);
        await client.diagnosticsFor(ordersUri, d => !d.some(x => x.code === 'allium.use.unresolvedPath'));
        const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: ordersUri }, position: { line: 4, character: 20 } });
        expect(links.map(l => [l.targetUri, l.targetSelectionRange.start])).toEqual([[customersUri, { line: 1, character: 7 }]]);

        unlinkSync(customers);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: customersUri, type: 3 }] });
        await expect.poll(() => symbols('Customer')).toEqual([]);
        await client.diagnosticsFor(ordersUri, d => d.some(x => x.code === 'allium.use.unresolvedPath'));

        // An edit to an open file is in the index before it is saved.
        await client.open(ordersUri, '-- allium: 3\nentity Order {\n    total: Decimal\n}\n\nentity Invoice {\n    order: Order\n}\n');
        await expect.poll(() => symbols('Invoice')).toEqual(['Invoice orders.allium']);
        await client.dispose();
    });

    it('watches the folder itself when the editor does not, through creates, renames and deletes', async () => {
        const { client, symbols, ordersUri, customers, dir } = await workspace(false);
        await expect.poll(() => symbols('Order')).toEqual(['Order orders.allium']);
        expect(client.registrations).not.toContain('workspace/didChangeWatchedFiles');

        writeFileSync(customers, CUSTOMERS);
        await expect.poll(() => symbols('Customer'), { timeout: 10_000 }).toEqual(['Customer customers.allium']);
        await client.diagnosticsFor(ordersUri, d => !d.some(x => x.code === 'allium.use.unresolvedPath'));

        renameSync(customers, path.join(dir, 'people.allium'));
        await expect.poll(() => symbols('Supplier'), { timeout: 10_000 }).toEqual(['Supplier people.allium']);
        await client.diagnosticsFor(ordersUri, d => d.some(x => x.code === 'allium.use.unresolvedPath'));

        unlinkSync(path.join(dir, 'people.allium'));
        await expect.poll(() => symbols('Supplier'), { timeout: 10_000 }).toEqual([]);
        await client.dispose();
    });
});
