import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf } from './corpus.js';

// examples/orders: orders.allium imports payments.allium and emits AuthorisePayment, which a rule of payments.allium
// handles. The reference checks payments.allium with its imports only, so it finds nothing making the trigger happen.
const DIR = path.resolve(__dirname, '../../examples/orders');
const PAYMENTS = readFileSync(path.join(DIR, 'payments.allium'), 'utf8');
const uri = (name: string) => pathToFileURL(path.join(DIR, name)).href;

describe('a trigger only a file importing this one emits', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(DIR);
        await client.open(uri('payments.allium'), PAYMENTS);
    });

    afterAll(() => client.dispose());

    const unreachable = (diagnostics: Array<{ code?: string; message: string }>) =>
        diagnostics.filter(d => d.code === 'allium.rule.unreachableTrigger').map(d => d.message);
    const hover = async () => {
        const result = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uri('payments.allium') }, position: positionOf(PAYMENTS, 'when: AuthorisePayment', 8) });
        return result.contents.value;
    };

    it('is reachable in strict mode, as the hover says', async () => {
        const diagnostics = await client.diagnosticsFor(uri('payments.allium'));
        expect(unreachable(diagnostics)).toEqual([]);
        const text = await hover();
        expect(text).toContain('Emitted by `rule PayOrder`');
        expect(text).not.toContain('reference mode');
    });

    it('keeps the reference\'s finding in reference mode, and the hover says why both hold', async () => {
        const next = client.nextDiagnostics(uri('payments.allium'));
        await client.notify('workspace/didChangeConfiguration', { settings: { allium: { diagnostics: { mode: 'reference' } } } });
        expect(unreachable(await next)).toEqual([expect.stringContaining("Nothing in this spec makes 'AuthorisePayment' happen")]);
        const text = await hover();
        expect(text).toContain('Emitted by `rule PayOrder`');
        expect(text).toContain('Only files importing this one make it happen (`rule PayOrder`)');
    });
});
