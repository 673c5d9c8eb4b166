import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { CORPUS, positionOf, type Range } from './corpus.js';
import { tempDir } from '../support/temp-dir.js';

const LIFECYCLE = path.join(CORPUS, 'juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');

interface Hover { contents: { kind: string; value: string } }
interface LocationLink { targetUri: string; targetSelectionRange: Range }

describe('language server over stdio (bundled out/server/main.cjs)', () => {
    let client: LspClient;
    const dir = tempDir('allium-lsp');

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(dir);
    });

    afterAll(async () => {
        await client.dispose();
    });

    it('publishes diagnostics for a corpus file, matching the reference checker on lifecycle findings', async () => {
        const uri = pathToFileURL(LIFECYCLE).href;
        await client.open(uri, readFileSync(LIFECYCLE, 'utf8'));
        const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
        const expected = JSON.parse(readFileSync(path.join(CORPUS, 'expected-findings.json'), 'utf8'))['juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium'];
        const reference = expected.filter(([, , , code]: [number, number, string, string]) => code === 'allium.status.unreachableValue').map(([line]: [number]) => line).sort();
        const ours = diagnostics.filter(d => d.code === 'allium.status.unreachableValue').map(d => d.range.start.line + 1).sort();
        expect(ours).toEqual(reference);
    });

    it('shows a rule\'s @guidance prose, labelled, with its signature, when hovering the rule name or a clause', async () => {
        const text = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule ShipOrder {
    when: ShipOrder(order)
    requires: order.status = pending
    ensures: order.status = shipped

    @guidance
        -- Reserve stock before charging the card.
        -- Retry the carrier call at most three times.
}
`;
        const uri = pathToFileURL(path.join(dir, 'ship.allium')).href;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        for (const position of [positionOf(text, 'ShipOrder {', 2), positionOf(text, 'requires:', 3), positionOf(text, '@guidance', 2)]) {
            const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
            expect(hover.contents.kind).toBe('markdown');
            expect(hover.contents.value).toContain('rule ShipOrder');
            expect(hover.contents.value).toContain('when: ShipOrder(order)');
            expect(hover.contents.value).toContain('**Implementation guidance**');
            expect(hover.contents.value).toContain('Reserve stock before charging the card.\nRetry the carrier call at most three times.');
        }
        const field = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'status: pending | shipped', 2) });
        expect(field.contents.value).toContain('status: pending | shipped');
        expect(field.contents.value).toContain('Changed by `rule ShipOrder`');
        const question = `-- allium: 3\nopen question "Who approves refunds?"\n`;
        const questionUri = pathToFileURL(path.join(dir, 'question.allium')).href;
        await client.open(questionUri, question);
        await client.diagnosticsFor(questionUri);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: questionUri }, position: { line: 1, character: 20 } });
        expect(hover.contents.value).toMatch(/unresolved/);
    });

    it('goes to the exact declaration of an entity name', async () => {
        const text = `-- allium: 3\nentity Customer {\n    name: String\n}\n\nentity Order {\n    customer: Customer\n}\n`;
        const uri = pathToFileURL(path.join(dir, 'definition.allium')).href;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'customer: Customer', 12) });
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(uri);
        expect(links[0].targetSelectionRange).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 15 } });
    });

    it('offers code lenses: reference counts on types, Generate implementation on rules', async () => {
        const text = `-- allium: 3\nentity Customer {\n    name: String\n}\n\nentity Order {\n    customer: Customer\n    other: Customer\n}\n\nrule Ship {\n    when: Ship(order)\n    ensures: Done()\n}\n`;
        const uri = pathToFileURL(path.join(dir, 'lenses.allium')).href;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        const lenses = await client.request<Array<{ range: Range; command: { title: string; command: string; arguments?: unknown[] } }>>('textDocument/codeLens', { textDocument: { uri } });
        const byLine = new Map(lenses.map(l => [l.range.start.line, l.command]));
        expect(byLine.get(1)?.title).toBe('2 references');
        expect(byLine.get(5)?.title).toBe('0 references');
        expect(byLine.get(10)).toEqual({ title: 'Generate implementation', command: 'allium.generate', arguments: [uri, ['rule:Ship']] });
    });

    it('quick-fixes an undeclared transition by adding the edge to the graph, and offers generation for the rule', async () => {
        const text = `-- allium: 3
entity Ticket {
    status: open | closed
    transitions status {
        open -> closed
        terminal: closed
    }
}

rule Reopen {
    when: Reopen(ticket)
    requires: ticket.status = closed
    ensures: ticket.status = open
}
`;
        const uri = pathToFileURL(path.join(dir, 'fix.allium')).href;
        await client.open(uri, text);
        const diagnostics = await client.diagnosticsFor(uri, d => d.some(x => x.code === 'allium.status.undeclaredTransition'));
        const undeclared = diagnostics.filter(d => d.code === 'allium.status.undeclaredTransition');
        const actions = await client.request<Array<{ title: string; kind: string; edit?: { changes: Record<string, Array<{ range: Range; newText: string }>> }; command?: { command: string; arguments: unknown[] } }>>('textDocument/codeAction', {
            textDocument: { uri }, range: { start: { line: 11, character: 6 }, end: { line: 11, character: 6 } }, context: { diagnostics: undeclared }
        });
        const fix = actions.find(a => a.kind === 'quickfix');
        expect(fix?.title).toBe("Add transition 'closed -> open' to Ticket.status");
        expect(fix?.edit?.changes[uri]).toEqual([{ range: { start: { line: 4, character: 22 }, end: { line: 4, character: 22 } }, newText: '\n        closed -> open' }]);
        const generate = actions.find(a => a.title === 'Generate implementation for rule Reopen');
        expect(generate?.command).toEqual({ title: 'Generate implementation', command: 'allium.generate', arguments: [uri, ['rule:Reopen']] });
    });

    it('completes keywords and declared names at the cursor, and outlines declarations', async () => {
        const text = `-- allium: 3\nentity Customer {\n    name: String\n}\n\nentity Order {\n    customer: Cus\n}\n\nrule Ship {\n    when: Ship(order)\n    \n}\n`;
        const uri = pathToFileURL(path.join(dir, 'complete.allium')).href;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        type Completion = { items: Array<{ label: string }> } | Array<{ label: string }>;
        const labels = async (line: number, character: number) => {
            const result = await client.request<Completion>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
            return (Array.isArray(result) ? result : result.items).map(i => i.label);
        };
        expect(await labels(6, 17)).toContain('Customer');
        const inRule = await labels(11, 4);
        expect(inRule).toEqual(expect.arrayContaining(['requires:', 'ensures:', 'let', 'for', '@guidance']));
        expect(inRule).not.toContain('entity');
        const topLevel = await labels(13, 0);
        expect(topLevel).toEqual(expect.arrayContaining(['entity', 'rule', 'surface', 'contract', 'enum', 'open question']));
        expect(topLevel).not.toContain('requires:');

        const symbols = await client.request<Array<{ name: string; children?: Array<{ name: string }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.map(s => s.name)).toEqual(['Customer', 'Order', 'Ship']);
        expect(symbols[0].children?.map(c => c.name)).toEqual(['name']);
    });

    it('goes from a use of a trigger parameter, let or for variable to where it is bound', async () => {
        const text = `-- allium: 3\nrule Settle {\n    when: Settle(batch)\n    let total = batch.amount\n    requires: total > 0\n    for item in batch.items:\n        ensures: item.settled = true\n}\n`;
        const uri = pathToFileURL(path.join(dir, 'bindings.allium')).href;
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        const definitionLine = async (needle: string, offset: number) =>
            (await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, needle, offset) }))[0]?.targetSelectionRange.start;
        expect(await definitionLine('batch.amount', 1)).toEqual({ line: 2, character: 17 });
        expect(await definitionLine('total > 0', 1)).toEqual({ line: 3, character: 8 });
        expect(await definitionLine('item.settled', 1)).toEqual({ line: 5, character: 8 });
    });

    it('keeps answering after a half-typed edit', async () => {
        const uri = pathToFileURL(path.join(dir, 'typing.allium')).href;
        await client.open(uri, '-- allium: 3\nrule Half {\n    when: Go(x)\n    ensures: x.status =');
        const diagnostics = await client.diagnosticsFor(uri);
        expect(diagnostics.some(d => d.code === 'allium.syntax')).toBe(true);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
        expect(hover?.contents.value).toContain('rule Half');
        expect(client.alive).toBe(true);
    });

    it('leaves out "Generate implementation" for editors that cannot run the extension\'s command', async () => {
        const other = new LspClient();
        await other.initialize(undefined, { initializationOptions: { generationCommands: false } });
        const text = '-- allium: 3\nentity Customer {\n    name: String\n}\n\nrule Ship {\n    when: Ship(customer)\n    ensures: Done()\n}\n';
        const uri = 'file:///other-editor/spec.allium';
        await other.open(uri, text);
        await other.diagnosticsFor(uri);
        const lenses = await other.request<Array<{ command: { title: string } }>>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses.map(l => l.command.title)).toEqual(['0 references']);
        const actions = await other.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 6, character: 6 }, end: { line: 6, character: 6 } }, context: { diagnostics: [] } });
        expect(actions.map(a => a.title)).toEqual([]);
        await other.dispose();
    });
});
