import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices } from '../src/index.js';

/** Builds the given files together, as an editor workspace or `allium check` on a folder would. */
async function workspace(files: Record<string, string>): Promise<Map<string, LangiumDocument>> {
    const { shared } = createAlliumCoreServices(EmptyFileSystem);
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(`-- allium: 3\n${text}`, URI.parse(`file:///ws/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}

function found(document: LangiumDocument | undefined, code: string): { line: number; message: string }[] {
    return (document?.diagnostics ?? []).filter(d => d.code === code).map(d => ({ line: d.range.start.line + 1, message: d.message }));
}

const BILLING = `
entity Account {
    owner: String
}

surface Billing {
    facing user: User
    provides:
        Pinged(user)
}
`;

const SUPPORT = `
entity Account {
    ticket: String
}

rule Escalate {
    when: Opened(ticket)
    ensures: Pinged(subject: ticket)
}
`;

describe('ambiguous reference validator', () => {
    it('warns once, where first used, about a name two imported files declare, and about a trigger both offer', async () => {
        const docs = await workspace({
            'billing.allium': BILLING,
            'support.allium': SUPPORT,
            'main.allium': `use "./billing.allium" as billing
use "./support.allium" as support

entity Customer {
    account: Account
    backup: Account
}

rule HandlePing {
    when: Pinged(subject)
    ensures: subject.handled = true
}
`
        });
        const ambiguous = found(docs.get('main.allium'), 'allium.use.ambiguousReference');
        expect(ambiguous.map(a => a.line)).toEqual([6, 11]);
        expect(ambiguous[0].message).toContain("'billing' and 'support'");
        expect(ambiguous[0].message).toContain("'billing/Account'");
        expect(ambiguous[1].message).toContain("'Pinged'");
        // Offered by an import, the trigger is reachable.
        expect(found(docs.get('main.allium'), 'allium.rule.unreachableTrigger')).toEqual([]);
    });

    it('is silent when the name is declared here, qualified, or both aliases name one file', async () => {
        const docs = await workspace({
            'billing.allium': BILLING,
            'support.allium': SUPPORT,
            'local.allium': `use "./billing.allium" as billing
use "./support.allium" as support

entity Account {
    id: String
}

entity Customer {
    account: Account
    other: billing/Account
}

rule Emit {
    when: Start(x)
    ensures: Pinged(subject: x)
}

rule HandlePing {
    when: Pinged(subject)
    ensures: subject.handled = true
}
`,
            'same.allium': `use "./billing.allium" as a
use "./billing.allium" as b

entity Customer {
    account: Account
}
`
        });
        expect(found(docs.get('local.allium'), 'allium.use.ambiguousReference')).toEqual([]);
        expect(found(docs.get('same.allium'), 'allium.use.ambiguousReference')).toEqual([]);
    });
});

describe('trigger reachability across imports', () => {
    it('counts a trigger an imported file emits as reachable, and still reports one nobody offers', async () => {
        const docs = await workspace({
            'support.allium': SUPPORT,
            'main.allium': `use "./support.allium" as support

rule HandlePing {
    when: Pinged(subject)
    ensures: subject.handled = true
}

rule HandleNothing {
    when: Nobody(subject)
    ensures: subject.handled = true
}
`
        });
        expect(found(docs.get('main.allium'), 'allium.rule.unreachableTrigger').map(f => f.line)).toEqual([10]);
    });
});

describe('names through an alias', () => {
    it('reads alias.Name as alias/Name: a capitalised member the imported file lacks is an unknown name', async () => {
        const docs = await workspace({
            'core.allium': 'value Role {\n    name: String\n}\n',
            'main.allium': `
use "./core.allium" as vt

contract Signals {
    emits: [vt.Missing(x), vt.Role(y)]
}

rule R {
    when: Go(x)
    ensures: E.created(f: vt.role)
}
`
        });
        expect(found(docs.get('main.allium'), 'allium.reference.unknownName').map(f => f.line)).toEqual([6]);
        // A lowercase member is a field read of a binding named like the alias.
        expect(found(docs.get('main.allium'), 'allium.rule.undefinedBinding').map(f => f.line)).toEqual([11]);
    });
});

// Reference 3.6.1 resolves these; 3.5.3 reports `core/config` and `core/Matching` as unknown names (docs/parity.md).
describe('names 3.6.1 resolves through an import', () => {
    const CORE = 'config {\n    retention: Duration = 30.days\n}\n\ndeferred Matching.suggest "detailed/matching.allium"\n';
    const APP = 'use "./core.allium" as core\n\nconfig {\n    keep: Duration = core/config.retention\n    other: Duration = core/config.missing\n}\n\nrule Suggest {\n    when: Ask(slot)\n    ensures: core/Matching.suggest(slot)\n    ensures: core/Unknown.run(slot)\n}\n';

    it('alias/config.param names a config parameter of the imported file, and alias/Name may be deferred there', async () => {
        const documents = await workspace({ 'core.allium': CORE, 'app.allium': APP });
        expect(found(documents.get('app.allium'), 'allium.reference.unknownName')).toEqual([
            { line: 6, message: expect.stringContaining("'missing' is not a config parameter of ./core.allium") },
            { line: 12, message: expect.stringContaining("'Unknown' is not declared in ./core.allium") }
        ]);
    });
});

// Reference 3.6.1 reports each name read through the use of a file that exists nowhere; 3.5.3 only the use line.
describe('names through the use of a missing file', () => {
    const MAIN = `use "./core.allium" as core
use "./gone.allium" as gone
use "github.com/acme/billing/abc123" as billing

entity Order {
    role: core/Role
    ghost: gone/Role
    invoice: billing/Invoice
}

rule Place {
    when: gone.Placed(order)
    requires: order.role != gone/config.default_role
    ensures: core/Missing.created(order: order)
}
`;

    it('reports them where they are read, once each, and leaves loaded files and module coordinates alone', async () => {
        const docs = await workspace({ 'core.allium': 'value Role {\n    name: String\n}\n', 'main.allium': MAIN });
        const main = docs.get('main.allium');
        expect(found(main, 'allium.reference.unresolvedImport')).toEqual([
            { line: 8, message: expect.stringContaining(`'gone/Role' cannot be checked: no file exists at "./gone.allium", which 'gone' imports`) },
            { line: 13, message: expect.stringContaining("'gone/Placed'") },
            { line: 14, message: expect.stringContaining("'gone/config'") }
        ]);
        // A name the loaded file lacks is still unknown; the use line of the missing file keeps its own warning.
        expect(found(main, 'allium.reference.unknownName').map(f => f.line)).toEqual([15]);
        expect(found(main, 'allium.use.unresolvedPath').map(f => f.line)).toEqual(expect.arrayContaining([3, 4]));
    });
});
