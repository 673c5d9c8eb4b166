const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, until, workspaceFile } = require('./support.cjs');

/** Line 5 compares with `==`, which Allium does not have. */
const BROKEN = '-- allium: 3\nentity Order { status: pending | shipped }\nrule Ship {\n    when: Ship(order)\n    requires: order.status == pending\n    ensures: order.status = shipped\n}\n';

const ALLIUM_TOOLS = ['allium_check', 'allium_declaration', 'allium_plan', 'allium_prompt', 'allium_trace'];

/** The text an agent reads from a tool result. */
const textOf = result => result.content.filter(part => part instanceof vscode.LanguageModelTextPart).map(part => part.value).join('');

const invoke = (name, input) => vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);

describe('Scenario 7: agent mode calls the Allium tools', () => {
    it('lists the contributed tools with their input schemas', async () => {
        const tools = vscode.lm.tools.filter(tool => tool.name.startsWith('allium_'));
        assert.deepStrictEqual(tools.map(tool => tool.name).sort(), ALLIUM_TOOLS);
        const check = tools.find(tool => tool.name === 'allium_check');
        assert.match(check.description, /Checks Allium specification files/);
        assert.strictEqual(check.inputSchema.properties.paths.type, 'array');
    });

    it('invoking the check tool (without a spec open) returns the findings of a spec with a known error', async () => {
        // A spec of its own: scenario 1 fixes broken.allium in the editor, and the tool reports the editor's text.
        const uri = workspaceFile('agent-check.allium');
        await vscode.workspace.fs.writeFile(uri, Buffer.from(BROKEN));
        try {
            const result = await invoke('allium_check', { paths: ['agent-check.allium'] });
            await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the Allium extension to activate');
            const text = textOf(result);
            assert.match(text, /^agent-check\.allium:5:\d+: error\[allium\.syntax\]: /m, text);
            assert.match(text, /1 file checked: [1-9]\d* errors/, text);
        } finally {
            await vscode.workspace.fs.delete(uri);
        }
    });

    it('the plan tool lists the obligations of a spec, and a bad path is a tool error saying so', async () => {
        const plan = textOf(await invoke('allium_plan', { paths: ['orders.allium'] }));
        console.log(`[e2e] allium_plan answered: ${plan.split('\n')[0]}`);
        assert.match(plan, /^orders\.allium: \d+ obligations/, plan);
        assert.match(plan, /rule_success\s+rule-success\.ShipOrder/, plan);
        await assert.rejects(invoke('allium_check', { paths: ['nowhere.allium'] }), /No such file or folder: nowhere\.allium/);
    });

    it('the declaration tool shows a rule, with the comment above it, and the entity it depends on', async () => {
        const text = textOf(await invoke('allium_declaration', { id: 'rule:ShipOrder', paths: ['orders.allium'] }));
        assert.match(text, /^orders::rule:ShipOrder \(orders\.allium:7\)\n-- Ships an order once its stock is reserved\.\nrule ShipOrder \{/, text);
        assert.match(text, /# Depends on\n\norders::entity:Order \(orders\.allium:2\)/, text);
    });
});
