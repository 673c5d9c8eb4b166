import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf, type Range } from './corpus.js';
import { tempDir } from '../support/temp-dir.js';

interface LocationLink { targetUri: string; targetSelectionRange: Range }

// Neovim, Helix and Emacs often send only rootUri, or open a single file with no folder at all: the files a `use`
// names are then read from disk when the importing file is opened.
const ORDERS = '-- allium: 3\nuse "./payments.allium" as payments\n\nentity Order {\n    payment: payments/Payment\n    refund: payments/Refund\n}\n';
const PAYMENTS = '-- allium: 3\nuse "./money.allium" as money\n\nentity Payment {\n    amount: money/Amount\n}\n';
const MONEY = '-- allium: 3\nvalue Amount {\n    cents: Integer\n}\n';

function specs() {
    const dir = tempDir('allium-no-folder');
    for (const [name, text] of [['orders', ORDERS], ['payments', PAYMENTS], ['money', MONEY]]) {
        writeFileSync(path.join(dir, `${name}.allium`), text);
    }
    const uri = (name: string) => pathToFileURL(path.join(dir, `${name}.allium`)).href;
    return { dir, uri };
}

describe('imports without a workspace folder', () => {
    let client: LspClient;
    afterEach(() => client.dispose());

    for (const [how, init] of [
        ['only rootUri', (dir: string) => client.initialize(dir, { rootUriOnly: true })],
        ['no folder and no rootUri', () => client.initialize()]
    ] as const) {
        it(`follows use to the imported file, and its imports, when the client sends ${how}`, async () => {
            const { dir, uri } = specs();
            client = new LspClient();
            await init(dir);
            await client.open(uri('orders'), ORDERS);
            const diagnostics = await client.diagnosticsFor(uri('orders'));
            // Refund is not in payments.allium: the import was read, so the name is checked against it.
            expect(diagnostics.filter(d => String(d.code).startsWith('allium.reference')).map(d => `${d.range.start.line + 1}:${d.code}`)).toEqual(['6:allium.reference.unknownName']);
            const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri('orders') }, position: positionOf(ORDERS, 'payments/Payment', 10) });
            expect(links.map(l => [l.targetUri, l.targetSelectionRange.start])).toEqual([[uri('payments'), positionOf(PAYMENTS, 'entity Payment', 7)]]);
            await client.open(uri('payments'), PAYMENTS);
            const nested = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri('payments') }, position: positionOf(PAYMENTS, 'money/Amount', 7) });
            expect(nested.map(l => [l.targetUri, l.targetSelectionRange.start])).toEqual([[uri('money'), positionOf(MONEY, 'value Amount', 6)]]);
        });
    }

    it('answers the requests an editor sends with the open of a file while another build holds the workspace', async () => {
        const { dir, uri } = specs();
        client = new LspClient();
        await client.initialize(dir, { rootUriOnly: true });
        // As an editor restoring three tabs: each open is followed at once by its outline request, without waiting
        // for the build of the file opened before, which is still loading the imports.
        const outlines = await Promise.all([['orders', ORDERS], ['payments', PAYMENTS], ['money', MONEY]].map(async ([name, text]) => {
            await client.open(uri(name), text);
            return client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: uri(name) } });
        }));
        expect(outlines.map(symbols => symbols.map(s => s.name))).toEqual([['payments', 'Order'], ['money', 'Payment'], ['Amount']]);
    });
});
