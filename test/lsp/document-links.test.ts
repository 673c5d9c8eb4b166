import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf, type Range } from './corpus.js';
import { tempDir } from '../support/temp-dir.js';

interface DocumentLink { range: Range; target?: string }

const SPEC = `-- allium: 3
use "./billing.allium" as billing
use "github.com/allium-specs/google-oauth/abc123def" as oauth

entity Order {
    total: Decimal
}

deferred Order.fraud_check "detailed/fraud.allium"
deferred Order.tax_rules -- see: ../tax/rules.allium
deferred Order.audit "https://example.com/audit-spec"
`;

describe('document links', () => {
    let client: LspClient;
    let dir: string;

    beforeAll(async () => {
        dir = tempDir('allium-links-');
        writeFileSync(path.join(dir, 'orders.allium'), SPEC);
        writeFileSync(path.join(dir, 'billing.allium'), '-- allium: 3\nentity Invoice {\n    total: Decimal\n}\n');
        client = new LspClient();
        await client.initialize(dir);
    });

    afterAll(() => client.dispose());

    it('links import paths and deferred location hints to their files, and web addresses as they are', async () => {
        const uri = pathToFileURL(path.join(dir, 'orders.allium')).href;
        await client.open(uri, SPEC);
        await client.diagnosticsFor(uri);
        const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
        const span = (needle: string): Range => {
            const start = positionOf(SPEC, needle);
            return { start, end: { line: start.line, character: start.character + needle.length } };
        };
        expect(links.map(l => [l.range, l.target])).toEqual([
            [span('./billing.allium'), pathToFileURL(path.join(dir, 'billing.allium')).href],
            [span('detailed/fraud.allium'), pathToFileURL(path.join(dir, 'detailed/fraud.allium')).href],
            [span('../tax/rules.allium'), pathToFileURL(path.resolve(dir, '../tax/rules.allium')).href],
            [span('https://example.com/audit-spec'), 'https://example.com/audit-spec']
        ]);
    });
});
