import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { corpusFile, positionOf, type Range } from './corpus.js';

interface Diagnostic { range: Range; code?: string; message: string; severity?: number }
interface CodeAction { title: string; kind?: string; edit?: { changes: Record<string, Array<{ range: Range; newText: string }>> } }

const SPEC = `-- allium: 3
entity Order {
    status: pending | paid | expired
    items: List<Item>
    transitions status {
        pending -> paid
        pending -> expired
        terminal: paid, expired
    }
}

value Item {
    done: Boolean
}

rule Make {
    when: Make(x)
    ensures:
        Order.created(status: pendin, items: x)
}

rule Pay {
    when: Pay(order)
    requires: order.items.all(done)
    ensures: order.status = paid
}

rule Expire {
    when: order: Order.created_at + 1.day <= now
    ensures: order.status = expired
}
`;

/** Code actions asked for as an editor does, applied, and the result checked again by the server. */
describe('code actions: suppressions, fix all, refactorings', () => {
    let client: LspClient;
    let version = 1;
    const uri = 'file:///actions/spec.allium';

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize();
    });

    afterAll(() => client.dispose());

    async function publish(text: string): Promise<Diagnostic[]> {
        const published = client.nextDiagnostics(uri);
        await (version === 1 ? client.open(uri, text, version++) : client.change(uri, text, version++));
        return await published as Diagnostic[];
    }

    async function actions(range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
        return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    }

    function apply(text: string, action: CodeAction | undefined): string {
        expect(action?.edit, 'an action with an edit').toBeDefined();
        return TextDocument.applyEdits(TextDocument.create(uri, 'allium', 0, text), action!.edit!.changes[uri]);
    }

    const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);

    it('silences one finding with an allium-ignore line above it, at its indentation, and adds to a directive already there', async () => {
        const diagnostics = await publish(SPEC);
        const invalid = diagnostics.filter(d => d.code === 'allium.created.invalidStatus');
        expect(invalid).toHaveLength(1);
        const ignore = (await actions(invalid[0].range, invalid)).find(a => a.title === 'Ignore allium.created.invalidStatus on this line');
        const silenced = apply(SPEC, ignore);
        expect(silenced).toContain('    ensures:\n        -- allium-ignore allium.created.invalidStatus\n        Order.created(status: pendin, items: x)');
        const after = await publish(silenced);
        expect(codes(after)).not.toContain('allium.created.invalidStatus');
        expect(codes(after)).not.toContain('allium.syntax');

        const twice = SPEC.replace('    ensures:\n        Order.created', '    ensures:\n        -- allium-ignore allium.field.unused\n        Order.created');
        const found = (await publish(twice)).filter(d => d.code === 'allium.created.invalidStatus');
        const more = (await actions(found[0].range, found)).find(a => a.title.startsWith('Ignore'));
        expect(apply(twice, more)).toContain('-- allium-ignore allium.field.unused, allium.created.invalidStatus\n');
        expect(codes(await publish(apply(twice, more)))).not.toContain('allium.created.invalidStatus');
    });

    it('fixes every safe finding of the file in one action, and only that when the editor asks for source.fixAll', async () => {
        const before = await publish(SPEC);
        for (const code of ['allium.created.invalidStatus', 'allium.expression.implicitLambda', 'allium.temporal.missingGuard']) {
            expect(codes(before), code).toContain(code);
        }
        const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const offered = await actions(start, [], ['source.fixAll']);
        expect(offered.map(a => [a.title, a.kind])).toEqual([['Fix all safe Allium findings (3)', 'source.fixAll.allium']]);
        // Asked without a kind: offered when invoked, left out of the light bulb's automatic requests.
        const kinds = async (triggerKind: number) => (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: start, context: { diagnostics: [], triggerKind } })).map(a => a.kind);
        expect(await kinds(1)).toContain('source.fixAll.allium');
        expect(await kinds(2)).not.toContain('source.fixAll.allium');
        const fixed = apply(SPEC, offered[0]);
        expect(fixed).toContain('Order.created(status: pending, items: x)');
        expect(fixed).toContain('requires: order.items.all(item => item.done)');
        expect(fixed).toContain('    when: order: Order.created_at + 1.day <= now\n    requires: order.status != expired\n');
        const after = await publish(fixed);
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        expect(codes(after)).not.toContain('allium.temporal.missingGuard');
        expect((await actions(start, [], ['source.fixAll'])).map(a => a.title), JSON.stringify(after.map(d => [d.code, d.message]))).toEqual([]);
    });

    it('extracts an inline enum of a corpus entity to a named enum, and the spec checks as before', async () => {
        const spec = corpusFile('juxt-tools/docs__project__specs__allium-extension-behaviour.allium');
        const before = await publish(spec.text);
        const at = positionOf(spec.text, 'severity: error | warning | info', 12);
        const extract = (await actions({ start: at, end: at }, [], ['refactor'])).find(a => a.kind === 'refactor.extract' && a.title.includes('enum'));
        expect(extract?.title).toBe("Extract values of 'severity' to enum FindingSeverity");
        const extracted = apply(spec.text, extract);
        expect(extracted).toMatch(/\nenum FindingSeverity \{\n {4}error \| warning \| info\n\}\n/);
        expect(extracted).toContain('    severity: FindingSeverity\n');
        const after = await publish(extracted);
        const summary = (list: Diagnostic[]) => list.filter(d => d.severity === 1).map(d => `${d.code}: ${d.message}`).sort();
        expect(summary(after)).toEqual(summary(before));
        expect(after.length).toBe(before.length);

        // Status values stay inline: the lifecycle checks read them there.
        const lifecycle = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');
        await publish(lifecycle.text);
        const status = positionOf(lifecycle.text, 'status: pending | confirmed', 12);
        expect((await actions({ start: status, end: status }, [], ['refactor.extract'])).map(a => a.title)).toEqual([]);
    });

    it('extracts a literal repeated in the same role across rules to one config parameter', async () => {
        const spec = `-- allium: 3
entity User {
    attempts: Integer
    locked: Boolean
}

rule Lock {
    when: Fail(user)
    requires: user.attempts >= 5
    ensures: user.locked = true
}

rule Warn {
    when: Fail(user)
    requires: user.attempts < 5
    ensures: Warned(user)
}

rule Reset {
    when: Reset(user)
    ensures: user.attempts = 0
}
`;
        await publish(spec);
        const at = positionOf(spec, '>= 5', 3);
        const extract = (await actions({ start: at, end: at }, [], ['refactor.extract'])).find(a => a.title.startsWith('Extract 5'));
        expect(extract?.title).toBe('Extract 5 to config.attempts_limit (2 uses)');
        const extracted = apply(spec, extract);
        expect(extracted).toContain('config {\n    attempts_limit: Integer = 5\n}\n\nrule Lock {');
        expect(extracted).toContain('requires: user.attempts >= config.attempts_limit');
        expect(extracted).toContain('requires: user.attempts < config.attempts_limit');
        expect(extracted).toContain('ensures: user.attempts = 0');
        const after = await publish(extracted);
        expect(codes(after)).not.toContain('allium.config.undefinedReference');
        expect(after.filter(d => d.severity === 1)).toEqual([]);
        // Config values themselves are not extracted again.
        const inConfig = positionOf(extracted, '= 5', 2);
        expect((await actions({ start: inConfig, end: inConfig }, [], ['refactor.extract'])).map(a => a.title)).toEqual([]);
    });

    it('fixes the extended findings: a misspelt value or surface field, a missing variant keyword, an undeclared default type', async () => {
        const spec = `-- allium: 3
entity Parcel {
    status: waiting | sent
    weight: Decimal
    kind: Letter | Box
}

variant Letter : Parcel {
    stamp: String
}

Box : Parcel {
    size: Integer
}

default Carrier royal = { name: "Royal" }

rule Send {
    when: Send(parcel)
    requires: parcel.status = waiting
    ensures: parcel.status = snet
}

actor Clerk {
    identified_by: Parcel where weight > 0
}

surface Desk {
    facing clerk: Clerk
    context parcel: Parcel
    exposes:
        parcel.wieght
    provides:
        Send(parcel)
}
`;
        const before = await publish(spec);
        const fixFor = async (code: string, text: string, list: Diagnostic[]) => {
            const target = list.filter(d => d.code === code);
            expect(target, code).toHaveLength(1);
            return (await actions(target[0].range, target)).filter(a => a.kind === 'quickfix' && !a.title.startsWith('Ignore'));
        };
        const value = await fixFor('allium.status.undefinedValue', spec, before);
        expect(value.map(a => a.title)).toEqual(["Change to 'sent'", "Add 'snet' to the values of Parcel.status"]);
        const path = await fixFor('allium.surface.undefinedPath', spec, before);
        expect(path.map(a => a.title)).toEqual(["Change to 'weight'"]);
        const keyword = await fixFor('allium.sum.missingVariantKeyword', spec, before);
        expect(keyword.map(a => a.title)).toEqual(["Add the 'variant' keyword"]);
        const type = await fixFor('allium.default.undefinedType', spec, before);
        expect(type.map(a => a.title)).toEqual(["Create entity 'Carrier'", "Create value 'Carrier'", "Create enum 'Carrier'"]);

        let fixed = apply(spec, value[0]);
        fixed = TextDocument.applyEdits(TextDocument.create(uri, 'allium', 0, fixed), [...path[0].edit!.changes[uri], ...keyword[0].edit!.changes[uri]]);
        expect(fixed).toContain('ensures: parcel.status = sent');
        expect(fixed).toContain('        parcel.weight\n');
        expect(fixed).toContain('\nvariant Box : Parcel {');
        const after = await publish(fixed);
        for (const code of ['allium.status.undefinedValue', 'allium.surface.undefinedPath', 'allium.sum.missingVariantKeyword', 'allium.syntax']) {
            expect(codes(after), code).not.toContain(code);
        }
        const added = apply(spec, value[1]);
        expect(added).toContain('status: waiting | sent | snet');
    });
});
