import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_STATUS_REQUEST, type SpecStatus } from '@allium/generate/streaming';
import { LspClient } from './lsp-client.js';
import { statusView } from '../../packages/client/src/status/status-text.js';

const CLINIC = path.resolve(__dirname, '../../examples/clinic');
const uri = (name: string) => pathToFileURL(path.join(CLINIC, name)).href;

describe('the spec status of a file', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(CLINIC, { initializationOptions: { diagnosticsMode: 'relaxed' } });
    });

    afterAll(() => client.dispose());

    const status = (name: string) => client.request<SpecStatus>(SPEC_STATUS_REQUEST, { textDocument: { uri: uri(name) } });

    it('names the files use joins to it either way, the file first, and the diagnostics mode the server reports in', async () => {
        await client.open(uri('billing.allium'), readFileSync(path.join(CLINIC, 'billing.allium'), 'utf8'));
        const imports = (file: string) => [...readFileSync(path.join(CLINIC, file), 'utf8').matchAll(/^use "\.\/([a-z]+\.allium)"/gm)].map(m => m[1]);
        expect(imports('billing.allium').length).toBeGreaterThan(0);
        await expect.poll(async () => (await status('billing.allium')).specSet.length).toBeGreaterThan(1);
        const shown = await status('billing.allium');
        expect(shown.diagnosticsMode).toBe('relaxed');
        expect(shown.specSet[0]).toBe(uri('billing.allium'));
        for (const imported of imports('billing.allium')) {
            expect(shown.specSet).toContain(uri(imported));
        }
        // An imported file belongs to the set of the files importing it.
        const core = await status('core.allium');
        expect(core.specSet[0]).toBe(uri('core.allium'));
        expect(core.specSet).toContain(uri('billing.allium'));
    });

    it('is a set of its own for a file nothing joins', async () => {
        const alone = pathToFileURL(path.join(CLINIC, 'alone.allium')).href;
        await client.open(alone, '-- allium: 3\nentity Note {\n    text: String\n}\n');
        expect((await client.request<SpecStatus>(SPEC_STATUS_REQUEST, { textDocument: { uri: alone } })).specSet).toEqual([alone]);
    });
});

describe('the language status item\'s text', () => {
    const name = (u: string) => u.slice(u.lastIndexOf('/') + 1);

    it('shows the version, then the mode and spec set of the file while the server runs', () => {
        const view = statusView('running', '0.1.0', { diagnosticsMode: 'strict', specSet: ['file:///w/orders.allium', 'file:///w/payments.allium'] }, name);
        expect(view).toEqual({ text: 'Allium 0.1.0', detail: 'strict diagnostics · spec set orders.allium, payments.allium', busy: false, error: false });
        const many = statusView('running', '0.1.0', { diagnosticsMode: 'reference', specSet: ['a', 'b', 'c', 'd', 'e', 'f'].map(n => `file:///w/${n}.allium`) }, name);
        expect(many.detail).toBe('reference diagnostics · spec set a.allium, b.allium, c.allium, d.allium and 2 more');
        expect(statusView('running', '0.1.0', { diagnosticsMode: 'relaxed', specSet: ['file:///w/a.allium'] }, name).detail).toBe('relaxed diagnostics · a spec set of its own');
    });

    it('says when the server is starting or has stopped', () => {
        expect(statusView('starting', '0.1.0', undefined, name)).toMatchObject({ busy: true, error: false });
        expect(statusView('stopped', '0.1.0', undefined, name)).toMatchObject({ text: '$(error) Allium 0.1.0: stopped', error: true });
    });
});
