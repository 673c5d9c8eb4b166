const assert = require('node:assert');
const vscode = require('vscode');
const { until, workspaceFile, screenshot } = require('./support.cjs');

describe('Scenario 3: go to definition across files joined by use', () => {
    it('jumps from payments/Payment to the entity in payments.allium', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const uri = workspaceFile('checkout.allium');
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        const position = document.positionAt(document.getText().indexOf('payments/Payment') + 10);
        const locations = await until(async () => {
            const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, position);
            return found && found.length > 0 ? found : undefined;
        }, 'a definition');
        const target = locations[0].targetUri ?? locations[0].uri;
        const range = locations[0].targetSelectionRange ?? locations[0].range;
        assert.ok(target.path.endsWith('/payments.allium'), target.toString());
        assert.strictEqual(range.start.line, 1);
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.revealDefinition');
        await until(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/payments.allium'), 'the editor on payments.allium');
        assert.strictEqual(vscode.window.activeTextEditor.selection.start.line, 1);
        await screenshot('scenario-3-definition');
    });
});
