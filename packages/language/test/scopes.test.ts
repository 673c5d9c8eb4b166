import { EmptyFileSystem, MapScope, MultiMapScope, URI, type AstNode, type AstNodeDescription, type Scope } from 'langium';
import { describe, expect, it } from 'vitest';
import { NamesScope, SymbolScope } from '../src/scoping/scopes.js';
import { createAlliumCoreServices, isNameRef, referencesOf, type Module } from '../src/index.js';

function described(...names: string[]): AstNodeDescription[] {
    return names.map((name, i) => ({ name, type: 'Test', documentUri: URI.parse('file:///ws/t.allium'), path: `/${i}` }));
}

/** Everything a scope answers, as paths: what linking, completion and rename read of it. */
function answers(scope: Scope, names: string[]): unknown {
    return {
        element: names.map(n => scope.getElement(n)?.path),
        elements: names.map(n => scope.getElements(n).map(d => d.path).toArray()),
        all: scope.getAllElements().map(d => d.path).toArray()
    };
}

describe('container scopes', () => {
    const outer = new MultiMapScope(described('a', 'z', 'z'));
    const names = ['a', 'b', 'c', 'z', 'none'];

    it('answer as Langium\'s MultiMapScope for a few names, repeated ones included', () => {
        const symbols = described('b', 'a', 'b', 'c');
        expect(answers(new SymbolScope(symbols, outer), names)).toEqual(answers(new MultiMapScope(symbols, outer), names));
    });

    it('answer as Langium\'s MultiMapScope for many names, with no outer scope', () => {
        const symbols = described(...'qwertyuiopasdfghjklzxcvbnmqaz'.split(''));
        const many = [...names, 'q', 'x'];
        expect(answers(new SymbolScope(symbols), many)).toEqual(answers(new MultiMapScope(symbols), many));
    });

    it('answer for implied names as Langium\'s MapScope, the last of equal names kept', () => {
        const implied = described('b', 'c', 'b');
        const byName = new Map(implied.map(d => [d.name, d]));
        expect(answers(new NamesScope(byName, outer), names)).toEqual(answers(new MapScope(implied, outer), names));
    });
});

/** An entity with a status and a rule comparing it, open at the end of the rule's preconditions. */
const SHIP = `-- allium: 3
entity Order {
    status: pending | shipped
}

rule Ship {
    when: order: Order.created
    requires: order.status = pending
`;

describe('implied names', () => {
    it('are described once for every comparison with the same field, and unresolved names get Langium\'s message', async () => {
        const { shared } = createAlliumCoreServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Module>(`${SHIP}    ensures: order.status = shipped
}

rule Check {
    when: order: Order.created
    requires: order.status = pending
    ensures: Mystery(order)
}
`, URI.parse('file:///ws/orders.allium'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const pending = referencesOf(document.parseResult.value)
            .filter(info => isNameRef(info.container) && info.reference.$refText === 'pending' && (info.container.$containerProperty === 'right'));
        expect(pending).toHaveLength(2);
        const [first, second] = pending.map(info => info.reference);
        expect(first.ref).toBe(second.ref);
        expect(first.$nodeDescription).toBe(second.$nodeDescription);
        const mystery = referencesOf(document.parseResult.value).find(info => info.reference.$refText === 'Mystery')!;
        expect(mystery.reference.error?.message).toBe('Could not resolve reference to NamedElement named \'Mystery\'.');
    });

    it('resolve the same after the document is unlinked and linked again', async () => {
        const services = createAlliumCoreServices(EmptyFileSystem);
        const { shared } = services;
        const document = shared.workspace.LangiumDocumentFactory.fromString<Module>(`${SHIP}}
`, URI.parse('file:///ws/relink.allium'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const targetsOf = (): (AstNode | undefined)[] => referencesOf(document.parseResult.value).map(info => info.reference.ref);
        const before = targetsOf();
        const linker = services.Allium.references.Linker;
        linker.unlink(document);
        expect(document.references).toEqual([]);
        await linker.link(document);
        expect(targetsOf()).toEqual(before);
        expect(before.filter(Boolean).length).toBeGreaterThan(0);
    });
});
