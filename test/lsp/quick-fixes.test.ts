import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import type { Range } from './corpus.js';

interface Diagnostic { range: Range; code?: string; message: string }
interface CodeAction { title: string; kind?: string; isPreferred?: boolean; edit?: { changes: Record<string, Array<{ range: Range; newText: string }>> } }

const SPEC = `-- allium: 3
entity Order {
    status: pending | paid | shipped | expired
    kind: Kind
    transitions status {
        pending -> paid
        paid -> shipped
        pending -> expired
        terminal: shipped, expired
    }
}

rule Pay {
    when: Pay(order)
    requires: order.status = pending
    ensures: order.status = shiped
}

rule Make {
    when: Make(x)
    ensures: Order.created(status: payd, kind: x)
}

rule Expire {
    when: order: Order.created_at + 1.day <= now
    ensures: order.status = expired
}

rule Remind {
    when: order: Order.created_at + 2.days <= now
    ensures: Reminded(order)
}
`;

/**
 * Each fix is applied as an editor would and the server is asked again: the diagnostic it fixes must be gone,
 * with no new error in its place.
 */
describe('quick fixes', () => {
    let client: LspClient;
    let version = 1;
    const uri = 'file:///fixes/spec.allium';

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize();
    });

    afterAll(() => client.dispose());

    async function actionsFor(text: string, code: string | undefined, range?: Range): Promise<{ actions: CodeAction[]; diagnostics: Diagnostic[] }> {
        const published = client.nextDiagnostics(uri);
        await (version === 1 ? client.open(uri, text, version++) : client.change(uri, text, version++));
        const diagnostics = await published as Diagnostic[];
        const target = diagnostics.filter(d => d.code === code);
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: range ?? target[0].range, context: { diagnostics: target }
        });
        return { actions: actions.filter(a => a.kind === 'quickfix'), diagnostics };
    }

    async function applying(text: string, action: CodeAction | undefined): Promise<{ text: string; diagnostics: Diagnostic[] }> {
        expect(action?.edit).toBeDefined();
        const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'allium', 0, text), action!.edit!.changes[uri]);
        const published = client.nextDiagnostics(uri);
        await client.change(uri, fixed, version++);
        return { text: fixed, diagnostics: await published as Diagnostic[] };
    }

    it('corrects a misspelt status a rule sets, or adds the transition with the new state', async () => {
        const { actions } = await actionsFor(SPEC, 'allium.status.undeclaredTransition');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([
            ["Change 'shiped' to 'shipped' where rules set it", true],
            ["Add transition 'pending -> shiped' to Order.status", false],
            ['Ignore allium.status.undeclaredTransition on this line', undefined]
        ]);
        const fixed = await applying(SPEC, actions[0]);
        expect(fixed.text).toContain('ensures: order.status = shipped');
        // What is left is a real finding: the graph has no pending -> shipped edge.
        expect(fixed.diagnostics.filter(d => d.code === 'allium.status.undeclaredTransition').map(d => d.message)).toEqual([
            "A rule moves 'Order' from 'pending' to 'shipped', which its transition graph does not allow. Add 'pending -> shipped' to 'transitions status', or change the rule."
        ]);
    });

    it('replaces an invalid created status with the nearest declared one', async () => {
        const { actions } = await actionsFor(SPEC, 'allium.created.invalidStatus');
        expect(actions.map(a => a.title)).toEqual(["Change to 'paid'", "Add 'payd' to Order.status", 'Ignore allium.created.invalidStatus on this line']);
        const fixed = await applying(SPEC, actions[0]);
        expect(fixed.text).toContain('Order.created(status: paid, kind: x)');
        expect(fixed.diagnostics.map(d => d.code)).not.toContain('allium.created.invalidStatus');
    });

    it('creates an undefined type next to the other types', async () => {
        const { actions } = await actionsFor(SPEC, 'allium.type.undefinedReference');
        expect(actions.map(a => a.title)).toEqual(["Create entity 'Kind'", "Create value 'Kind'", "Create enum 'Kind'", 'Ignore allium.type.undefinedReference on this line']);
        const fixed = await applying(SPEC, actions[0]);
        expect(fixed.text).toContain('    }\n}\n\nentity Kind {\n}\n\nrule Pay {');
        expect(fixed.diagnostics.map(d => d.code)).not.toContain('allium.type.undefinedReference');
        expect(fixed.diagnostics.filter(d => d.code === 'allium.syntax')).toEqual([]);
    });

    it('guards a temporal rule against firing again, from what its ensures sets or the states that can still change', async () => {
        const lines = SPEC.split('\n');
        const at = (needle: string) => {
            const line = lines.findIndex(l => l.includes(needle));
            return { start: { line, character: 8 }, end: { line, character: 8 } };
        };
        const expire = await actionsFor(SPEC, undefined, at('Order.created_at + 1.day'));
        expect(expire.actions.map(a => a.title)).toEqual(["Add 'requires: order.status != expired' so 'Expire' fires once"]);
        const fixed = await applying(SPEC, expire.actions[0]);
        expect(fixed.text).toContain('    when: order: Order.created_at + 1.day <= now\n    requires: order.status != expired\n    ensures: order.status = expired');
        expect(fixed.diagnostics.filter(d => d.code === 'allium.syntax')).toEqual([]);

        const remind = await actionsFor(SPEC, undefined, at('Order.created_at + 2.days'));
        expect(remind.actions.map(a => a.title)).toEqual(["Add 'requires: order.status in { pending, paid }' so 'Remind' fires once"]);
        // A rule that already has a guard, or is not temporal, gets none.
        expect((await actionsFor(SPEC, undefined, at('requires: order.status = pending'))).actions).toEqual([]);
    });
});
