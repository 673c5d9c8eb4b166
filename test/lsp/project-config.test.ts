import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { LspClient } from './lsp-client.js';
import { SHIPPING_SPEC } from '../support/shipping-spec.js';

// Warnings (entity.unused, status.unreachableValue, status.noExit) and infos (field.unused, rule.unreachableTrigger).
const SPEC = SHIPPING_SPEC;

type Published = Array<{ code?: string; severity?: number }>;
const summary = (diagnostics: Published) => diagnostics.map(d => `${d.severity} ${d.code}`).sort();

describe('allium.config.json in the language server', () => {
    let client: LspClient;

    afterEach(() => client.dispose());

    async function open(editorWatchesFiles: boolean, config: object) {
        const dir = tempDir('allium-server-config');
        mkdirSync(path.join(dir, 'specs', 'drafts'), { recursive: true });
        writeFileSync(path.join(dir, 'allium.config.json'), JSON.stringify(config));
        client = new LspClient();
        await client.initialize(dir, { editorWatchesFiles });
        const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
        return { dir, uri };
    }

    it('publishes diagnostics with the severities and ignored codes it sets, none for excluded specs, and follows its changes', async () => {
        const { dir, uri } = await open(true, {
            severity: { 'allium.field.unused': 'error', 'allium.status.noExit': 'off' },
            ignore: ['allium.entity.unused'],
            exclude: ['specs/drafts/**']
        });
        await client.open(uri('specs/orders.allium'), SPEC);
        expect(summary(await client.diagnosticsFor(uri('specs/orders.allium')))).toEqual([
            '1 allium.field.unused', '2 allium.status.unreachableValue', '3 allium.rule.unreachableTrigger'
        ]);
        await client.open(uri('specs/drafts/idea.allium'), SPEC);
        expect(await client.diagnosticsFor(uri('specs/drafts/idea.allium'))).toEqual([]);

        writeFileSync(path.join(dir, 'allium.config.json'), JSON.stringify({ ignore: ['allium.rule.unreachableTrigger'] }));
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('allium.config.json'), type: 2 }] });
        // Waited for by what the new config changes: opening idea.allium also rebuilds orders.allium (Langium relinks a
        // document with unresolved names when another one changes), and that publish, under the old config, may come
        // after the write above.
        const changed = await client.diagnosticsFor(uri('specs/orders.allium'), d => !summary(d).includes('3 allium.rule.unreachableTrigger'));
        expect(summary(changed)).toEqual(['2 allium.entity.unused', '2 allium.status.noExit', '2 allium.status.unreachableValue', '3 allium.field.unused']);
    });

    it('reads it again when it changes in an editor that does not watch files, and ignores a bad one until it is fixed', async () => {
        const { dir, uri } = await open(false, { ignore: ['allium.entity.unused', 'allium.status.noExit', 'allium.status.unreachableValue'] });
        await client.open(uri('specs/orders.allium'), SPEC);
        expect(summary(await client.diagnosticsFor(uri('specs/orders.allium')))).toEqual(['3 allium.field.unused', '3 allium.rule.unreachableTrigger']);

        const warnings: string[] = [];
        client.connection.onNotification('window/showMessage', (params: { message: string }) => { warnings.push(params.message); });
        writeFileSync(path.join(dir, 'allium.config.json'), JSON.stringify({ severity: { 'allium.field.unused': 'loud' } }));
        // A config that cannot be used counts as absent: every finding again, and the user told why.
        await client.diagnosticsFor(uri('specs/orders.allium'), d => d.some(x => x.code === 'allium.entity.unused'), 15_000);
        await expect.poll(() => warnings.join('\n'), { timeout: 10_000 }).toContain('allium.config.json does not follow the allium.config.json schema');
    });
});
