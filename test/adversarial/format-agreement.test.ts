import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { tempDir } from '../support/temp-dir.js';
import { runBounded } from '../support/cpu-bound.js';

const CLI = path.resolve(__dirname, '../../out/cli/allium.cjs');
const MESSY = '-- allium: 3\nentity Order {\n  status: pending | shipped   \n      total: Decimal\n}\n\n\n\nrule Ship {\n  when: ShipOrder(order)\n  ensures:\n      order.status = shipped\n}\n\n\n';

describe('textDocument/formatting and allium format', { timeout: 600_000 }, () => {
    const client = new LspClient();
    beforeAll(() => client.initialize());
    afterAll(() => client.dispose());

    const cases = [
        ['LF', MESSY, '}\n'], ['CRLF', MESSY.replace(/\n/g, '\r\n'), '}\r\n'], ['lone CR', MESSY.replace(/\n/g, '\r'), '}\r'],
        ['a long blank tail', MESSY + '\n'.repeat(50_000), '}\n'], ['a tail of lines of spaces and tabs', MESSY.trimEnd() + '\n \n\t\n  ', '}\n']
    ] as const;
    for (const [name, text, ending] of cases) {
        it(`give the same text (${name})`, async () => {
            const dir = tempDir('allium-format-agreement');
            const file = path.join(dir, 'spec.allium');
            writeFileSync(file, text);
            const uri = pathToFileURL(file).href;
            await client.open(uri, text);
            const formatting = client.request<Parameters<typeof TextDocument.applyEdits>[1]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
            const { value: edits } = await client.within(formatting, { cpuMs: 10_000, what: `formatting (${name})` });
            const byServer = TextDocument.applyEdits(TextDocument.create(uri, 'allium', 1, text), edits);
            const cli = await runBounded(process.execPath, [CLI, 'format', file], { cpuMs: 20_000 });
            expect(cli.timedOut).toBe(false);
            const byCli = cli.stdout;
            expect(byServer).toBe(byCli);
            expect(byServer.endsWith(ending), JSON.stringify(byServer.slice(-8))).toBe(true);
            // Formatting what formatting gave changes nothing.
            writeFileSync(file, byCli);
            const again = await runBounded(process.execPath, [CLI, 'format', '--check', file], { cpuMs: 20_000 });
            expect(again.status, again.stdout + again.stderr).toBe(0);
        });
    }
});
