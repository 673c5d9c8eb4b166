import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessServer } from './in-process.js';
import { corpusFile, type Position } from './corpus.js';

const SPEC = `-- allium: 3
config {
    timeout: Duration = 5.minutes
}

enum Carrier { post | courier }

entity Customer {
    email: String
    tier: Tier
}

entity Order {
    customer: Customer
    carrier: Carrier
    status: pending | paid | shipped
    transitions status {
        pending -> paid

    }
}

rule Pay {
    when: Pay(order)
    requires: order.status =
    ensures: order.
}

rule Expire {
    -- see order.
    when: o: Order.created_at + config.timeout <= now
    requires: o.customer.
    requires: config.
    ensures: Order.created(customer: o.customer, status: )
    ensures: o.carrier !=
    requires: Order.
}

open question "Ask about order.status later"
`;

// In process (langium/test): the completion provider with the server's services, asked with an editor's params.
describe('completion', () => {
    const server = new InProcessServer();
    const uri = 'file:///completion/spec.allium';
    const lines = SPEC.split('\n');

    beforeAll(async () => {
        await server.open(uri, SPEC);
    });

    async function labels(at: Position, documentUri = uri): Promise<string[]> {
        const result = await server.completion({ textDocument: { uri: documentUri }, position: at });
        return (result?.items ?? []).map(i => i.label);
    }

    /** The end of the line holding `needle`, or `back` characters before it. */
    function endOf(needle: string, back = 0): Position {
        const line = lines.findIndex(l => l.includes(needle));
        expect(line).toBeGreaterThanOrEqual(0);
        return { line, character: lines[line].length - back };
    }

    it('offers the fields of the receiver after a dot, following bindings and field types', async () => {
        expect(await labels(endOf('ensures: order.'))).toEqual(['customer', 'carrier', 'status']);
        expect(await labels(endOf('requires: o.customer.'))).toEqual(['email', 'tier']);
        expect(await labels(endOf('requires: config.'))).toEqual(['timeout']);
        expect(await labels(endOf('requires: Order.'))).toEqual(['created', 'customer', 'carrier', 'status']);
    });

    it('offers the values of a field where one is compared or created, first in the list', async () => {
        expect((await labels(endOf('requires: order.status ='))).slice(0, 3)).toEqual(['pending', 'paid', 'shipped']);
        expect((await labels(endOf('ensures: o.carrier !='))).slice(0, 2)).toEqual(['post', 'courier']);
        expect((await labels(endOf('status: )', 1))).slice(0, 3)).toEqual(['pending', 'paid', 'shipped']);
    });

    it('offers nothing inside comments and strings', async () => {
        expect(await labels(endOf('-- see order.'))).toEqual([]);
        const question = endOf('open question "Ask about order.status later"');
        expect(await labels({ line: question.line, character: question.character - 'status later"'.length })).toEqual([]);
    });

    it('offers the states and terminal: inside a transition graph', async () => {
        const blank = lines.findIndex(l => l.includes('pending -> paid')) + 1;
        expect(await labels({ line: blank, character: 8 })).toEqual(['pending', 'paid', 'shipped', 'terminal:']);
    });

    it('completes a field in a corpus spec being edited', async () => {
        const file = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');
        const edited = file.text.replace('        order.cancelled_at = now\n}', '        order.cancelled_at = now\n        order.\n}');
        await server.open(file.uri, edited);
        const line = edited.split('\n').findIndex(l => l === '        order.');
        expect(await labels({ line, character: 14 }, file.uri)).toEqual(expect.arrayContaining(['tracking_number', 'cancelled_at', 'cancelled_by', 'locale', 'items']));
    });
});
