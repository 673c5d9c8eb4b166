import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { corpusFile } from './corpus.js';

interface DocumentSymbol { name: string; range: unknown; selectionRange: unknown; children?: DocumentSymbol[] }

const LIFECYCLE = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');
const BIG = corpusFile('synthetic/big-3k.allium');
/** Members past the outline's limit (10,000 symbols) are left out: 11,220 symbols, so the limit falls inside the file. */
const PAST_THE_LIMIT = '-- allium: 3\n' + Array.from({ length: 220 }, (_, e) =>
    `entity E${e} {\n${Array.from({ length: 50 }, (_, f) => `    f${f}: Integer\n`).join('')}}\n\nrule R${e} {\n    when: E${e}.created\n    ensures: Done()\n}\n`).join('\n');

const ENTITY = 'entity Added {\n    a: Integer\n    b: Integer\n    c: Integer\n}\n\n';

/**
 * Edits an editor makes, each to the text the previous one left: the outline then keeps the symbols of the
 * declarations the edit did not touch (moved by the lines it added or removed), and must equal that of a document
 * opened fresh with the same text.
 */
const EDITS: Array<[string, (text: string) => string]> = [
    ['blank lines appended', text => text + '\n\n'],
    ['a character typed in a rule', text => text.replace('ensures: ', 'ensures:  ')],
    ['a field added to the first entity', text => text.replace(/(entity \w+ \{\n)/, '$1    extra: Integer\n')],
    ['a line split in the first rule', text => text.replace(/(rule \w+ \{\n)/, '$1\n')],
    ['a declaration inserted at the top', text => text.replace('\n\n', `\n\n${ENTITY}`)],
    ['lines joined in the first rule', text => text.replace(/(rule \w+ \{)\n\n/, '$1\n')],
    ['two lines removed in the middle', text => { const lines = text.split('\n'); const at = lines.findIndex((l, i) => i > lines.length / 2 && l === ''); lines.splice(at, 2); return lines.join('\n'); }],
    ['the inserted declaration removed', text => text.replace(ENTITY, '')]
];

describe('the outline after edits', () => {
    // The edited document alone in one server, so that the diagnostics it publishes are those of its edits; the
    // texts opened fresh in another.
    let client: LspClient;
    let other: LspClient;
    let fresh = 0;

    beforeAll(async () => {
        client = new LspClient();
        other = new LspClient();
        await Promise.all([client.initialize(), other.initialize()]);
    });

    afterAll(() => Promise.all([client.dispose(), other.dispose()]));

    const outline = (server: LspClient, uri: string) => server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

    it('answers a request sent with a change from the new text, not from the last build', async () => {
        const uri = 'file:///outline/sent-with/big.allium';
        let text = BIG.text;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        for (let version = 2; version <= 6; version++) {
            // A declaration typed at the end, and the outline asked for at once, as an editor asks after each edit.
            text += `\nentity Typed${version} {\n    n: Integer\n}\n`;
            const [, symbols] = await Promise.all([client.change(uri, text, version), outline(client, uri)]);
            expect(symbols.at(-1)?.name).toBe(`Typed${version}`);
        }
    }, 60_000);

    // The big spec takes the edits that move the limit (each build of it takes about a second).
    const cases = [['a corpus spec', LIFECYCLE.text, EDITS], ['a spec past the outline limit', PAST_THE_LIMIT, [EDITS[2], EDITS[3], EDITS[4]]]] as const;
    for (const [name, original, edits] of cases) {
        it(`is that of the same text opened fresh, for ${name}`, async () => {
            const uri = `file:///outline/${fresh++}/edited.allium`;
            let text = original;
            await client.open(uri, text);
            await client.diagnosticsFor(uri);
            await outline(client, uri);
            for (const [version, [edit, apply]] of edits.entries()) {
                const next = apply(text);
                expect(next, edit).not.toBe(text);
                text = next;
                // Once the new text is built: a request sent with the change may be answered from the last build.
                const built = client.nextDiagnostics(uri);
                await client.change(uri, text, version + 2);
                await built;
                const edited = await outline(client, uri);
                const freshUri = `file:///outline/${fresh++}/fresh.allium`;
                await other.open(freshUri, text);
                expect(edited, edit).toEqual(await outline(other, freshUri));
                await other.notify('textDocument/didClose', { textDocument: { uri: freshUri } });
            }
        }, 120_000);
    }
});
