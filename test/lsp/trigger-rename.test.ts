import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { positionOf, type Range } from './corpus.js';

interface Edit { range: Range; newText: string; annotationId?: string }
interface WorkspaceEdit {
    changes?: Record<string, Edit[]>;
    documentChanges?: Array<{ textDocument: { uri: string }; edits: Edit[] }>;
    changeAnnotations?: Record<string, { label: string; needsConfirmation?: boolean; description?: string }>;
}

// A rule is often named after the trigger it handles; they are different things, and renaming one is not renaming the other.
const URI = 'file:///triggers/payments.allium';
const SPEC = `-- allium: 3
rule AuthorisePayment {
    when: AuthorisePayment(order_ref, amount)
    ensures: Authorised(order_ref)
}

rule Checkout {
    when: Checkout(order_ref, amount)
    ensures: AuthorisePayment(order_ref, amount)
}
`;

function edits(edit: WorkspaceEdit): Edit[] {
    return [...Object.values(edit.changes ?? {}).flat(), ...(edit.documentChanges ?? []).flatMap(c => c.edits)];
}

describe('renaming a trigger', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(undefined, { annotatedEdits: true });
        await client.open(URI, SPEC);
        await client.diagnosticsFor(URI);
    });

    afterAll(() => client.dispose());

    it('renames where the trigger is handled and emitted, not the rule of the same name', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(SPEC, 'when: AuthorisePayment', 8), newName: 'RequestAuthorisation' });
        expect(edits(edit).map(e => e.range.start).sort((a, b) => a.line - b.line)).toEqual([positionOf(SPEC, 'when: AuthorisePayment', 6), positionOf(SPEC, 'ensures: AuthorisePayment', 9)]);
    });

    it('renaming the rule renames only the rule', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(SPEC, 'rule AuthorisePayment', 6), newName: 'Authorise' });
        expect(edits(edit).map(e => e.range.start)).toEqual([positionOf(SPEC, 'rule AuthorisePayment', 5)]);
    });

    it('says what will change when a rule shares the trigger\'s name, so the editor asks before applying', async () => {
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: positionOf(SPEC, 'ensures: AuthorisePayment', 12), newName: 'RequestAuthorisation' });
        const annotations = Object.values(edit.changeAnnotations ?? {});
        expect(annotations).toEqual([expect.objectContaining({ needsConfirmation: true, label: expect.stringContaining("trigger 'AuthorisePayment'") })]);
        expect(annotations[0].description).toContain("rule 'AuthorisePayment' keeps its name");
        expect(edits(edit).every(e => e.annotationId !== undefined)).toBe(true);
        expect(edits(edit)).toHaveLength(2);
    });

    it('renames a trigger no rule shares a name with, from any of its calls', async () => {
        const uri = 'file:///triggers/orders.allium';
        const text = '-- allium: 3\nrule Ship {\n    when: ShipOrder(order)\n    ensures: Shipped(order)\n}\n\nrule Notify {\n    when: Shipped(order)\n    ensures: Logged(order)\n}\n';
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        const at = { textDocument: { uri }, position: positionOf(text, 'when: Shipped', 8) };
        expect(await client.request('textDocument/prepareRename', at)).toEqual({ start: positionOf(text, 'when: Shipped', 6), end: positionOf(text, 'when: Shipped', 13) });
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'Dispatched' });
        expect(edit.changeAnnotations).toBeUndefined();
        expect(edits(edit).map(e => [e.range.start, e.newText])).toEqual([[positionOf(text, 'ensures: Shipped', 9), 'Dispatched'], [positionOf(text, 'when: Shipped', 6), 'Dispatched']]);
    });
});
