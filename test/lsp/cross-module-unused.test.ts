import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { tempDir } from '../support/temp-dir.js';

// An enum names nothing, so nothing but its importers can make the server re-validate it.
const SHARED = '-- allium: 3\nenum Priority { low | high }\n';
const CONSUMER = '-- allium: 3\nuse "./shared.allium" as shared\n\nentity Task {\n    priority: shared/Priority\n}\n';

describe('a declaration used only by an importing file', () => {
    let client: LspClient;
    let sharedUri: string;
    let consumerUri: string;

    beforeAll(async () => {
        const dir = tempDir('allium-cross-module');
        sharedUri = pathToFileURL(path.join(dir, 'shared.allium')).href;
        consumerUri = pathToFileURL(path.join(dir, 'consumer.allium')).href;
        client = new LspClient();
        await client.initialize();
    });

    afterAll(() => client.dispose());

    const unusedLines = (diagnostics: Array<{ range: { start: { line: number } }; code?: string }>) =>
        diagnostics.filter(d => d.code === 'allium.definition.unused').map(d => d.range.start.line);

    it('is reported unused until a file importing it is opened, and again once that file stops using it', async () => {
        await client.open(sharedUri, SHARED);
        expect(unusedLines(await client.diagnosticsFor(sharedUri))).toEqual([1]);

        const afterOpen = client.nextDiagnostics(sharedUri);
        await client.open(consumerUri, CONSUMER);
        expect(unusedLines(await afterOpen)).toEqual([]);

        const afterEdit = client.nextDiagnostics(sharedUri);
        await client.change(consumerUri, CONSUMER.replace('shared/Priority', 'Integer'), 2);
        expect(unusedLines(await afterEdit)).toEqual([1]);
    });
});
