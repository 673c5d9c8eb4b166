import type { MarkupContent } from 'vscode-languageserver';
import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessServer } from './in-process.js';
import { corpusFile, positionOf } from './corpus.js';

const LIFECYCLE = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');
const CONSTRUCTS = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__language-reference-constructs.allium');
const PATTERNS = corpusFile('reference-examples/patterns-006.allium');

// In process (langium/test): the hover provider with the server's services, asked with an editor's params.
describe('hover on corpus specs', () => {
    const server = new InProcessServer();

    beforeAll(async () => {
        for (const file of [LIFECYCLE, CONSTRUCTS, PATTERNS]) {
            await server.open(file.uri, file.text);
        }
    });

    async function hover(file: { uri: string; text: string }, needle: string, offset: number, nth = 0): Promise<string> {
        const result = await server.hover({ textDocument: { uri: file.uri }, position: positionOf(file.text, needle, offset, nth) });
        const contents = result?.contents as MarkupContent | undefined;
        expect(contents?.kind).toBe('markdown');
        return contents!.value;
    }

    it('shows a rule\'s @guidance, labelled as implementation guidance, with the rule and its trigger, from its name, a clause or the annotation', async () => {
        for (const [needle, offset] of [['rule WithGuidance', 7], ['ensures: OperationComplete(data: data)', 2], ['@guidance\n        -- Prefer off-peak', 3]] as const) {
            const value = await hover(CONSTRUCTS, needle, offset);
            expect(value).toContain('```allium\nrule WithGuidance\n    when: SlowOperation(data)\n```');
            expect(value).toContain('**Implementation guidance**\n\nPrefer off-peak execution');
        }
    });

    it('shows a surface\'s guidance as Markdown lines with its clauses', async () => {
        const value = await hover(PATTERNS, 'surface UsageDashboard', 9);
        expect(value).toMatch(/^```allium\nsurface UsageDashboard\n {4}facing /);
        expect(value).toContain('**Implementation guidance**\n\nShow progress bars for usage against limits.\nHighlight when any resource is above 80% of its limit.');
    });

    it('tells which rules change a field and which only read it', async () => {
        const value = await hover(LIFECYCLE, 'status: pending | confirmed', 1);
        expect(value).toContain('**Field** `Order.status`');
        expect(value).toContain('Changed by `rule ConfirmOrder`, `rule ShipOrder`, `rule CancelByCustomer`, `rule CancelByTimeout`, `rule BulkConfirm`, `rule ProcessCancellation`');
        expect(value).toContain('Also read by `rule NotifyOnShipment`, `rule ArchiveDelivered`, `surface OrderDashboard`');
        // The same field reached through a binding in a rule.
        expect(await hover(LIFECYCLE, 'order.status = picking', 7)).toContain('**Field** `Order.status`');
    });

    it('describes config parameters, triggers, bindings, enum values and types with their users', async () => {
        const config = await hover(LIFECYCLE, 'config.cancellation_window', 10);
        expect(config).toContain('**Config parameter** `cancellation_window`\n\n```allium\ncancellation_window: Duration = 48.hours\n```');
        expect(config).toContain('Read by `rule CancelByTimeout`');

        const trigger = await hover(LIFECYCLE, 'ShipOrder(order, tracking)', 2);
        expect(trigger).toContain('**Trigger** `ShipOrder`\n\nHandled by `rule ShipOrder`\n\nOffered by `surface OrderDashboard`');

        expect(await hover(LIFECYCLE, 'order: Order.created_at', 1)).toContain('**Binding** `order` of type `Order`');
        expect(await hover(LIFECYCLE, 'order.status = pending', 17)).toMatch(/^`pending` is a value of `Order.status`/);

        const customer = await hover(LIFECYCLE, 'external entity Customer', 17);
        expect(customer).toContain('```allium\nexternal entity Customer {\n    email: String\n    name: String\n}\n```');
        expect(customer).toContain('Used by `entity Order`, `actor Admin`');
    });

    it('says an open question is unresolved', async () => {
        const value = await hover(LIFECYCLE, 'open question "How should partial', 20);
        expect(value).toContain('**Open question (unresolved)**\n\nHow should partial shipments interact with the transition graph?');
    });

    it('shows the comment written above a declaration', async () => {
        const text = '-- allium: 3\n\n-- A person who buys.\n-- Identified by email.\nentity Customer {\n    email: String -- unique per tenant\n}\n';
        const uri = 'file:///hover/comments.allium';
        await server.open(uri, text);
        const entity = await hover({ uri, text }, 'entity Customer', 8);
        expect(entity).toContain('A person who buys.\nIdentified by email.');
        expect(await hover({ uri, text }, 'email: String', 1)).toContain('unique per tenant');
    });

    it('reads a trigger parameter\'s type from the fields the rule uses, and counts uses it cannot place', async () => {
        const text = [
            '-- allium: 3',
            'entity Parcel {', '    status: waiting | sent', '    weight: Decimal', '}',
            'entity Letter {', '    status: waiting | sent', '}',
            'rule Weigh {', '    when: Weigh(thing)', '    ensures: thing.weight = 1', '}',
            'rule Send {', '    when: Send(thing)', '    ensures: thing.status = sent', '}',
            ''
        ].join('\n');
        const uri = 'file:///hover/shapes.allium';
        await server.open(uri, text);
        expect(await hover({ uri, text }, 'weight: Decimal', 1)).toContain('Changed by `rule Weigh`');
        const status = await hover({ uri, text }, 'status: waiting', 1);
        expect(status).toContain('1 other construct uses `.status` on something whose type the spec does not say');
        expect(status).not.toContain('Changed by');
    });

    it('shows a contract\'s signatures and its @invariant prose', async () => {
        const contract = corpusFile('reference-examples/SKILL-006.allium');
        await server.open(contract.uri, contract.text);
        const value = await hover(contract, 'deserialize: (bytes', 2);
        expect(value).toContain('```allium\ncontract Codec\n    serialize: (value: Any) -> ByteArray\n    deserialize: (bytes: ByteArray) -> Any\n```');
        expect(value).toContain('**@invariant Roundtrip**\n\ndeserialize(serialize(value)) produces a value\nequivalent to the original for all supported types.');
    });
});
