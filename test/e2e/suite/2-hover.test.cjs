const assert = require('node:assert');
const vscode = require('vscode');
const { until, workspaceFile, screenshot } = require('./support.cjs');

describe('Scenario 2: hovering a rule shows its @guidance', () => {
    it('shows the guidance prose in the hover', async () => {
        const uri = workspaceFile('orders.allium');
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        const text = document.getText();
        const position = document.positionAt(text.indexOf('rule ShipOrder') + 7);
        const hovers = await until(async () => {
            const result = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
            return result && result.length > 0 ? result : undefined;
        }, 'a hover');
        const markdown = hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
        assert.match(markdown, /Implementation guidance/);
        assert.match(markdown, /Reserve stock before charging the card\./);
        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.showHover');
        await screenshot('scenario-2-hover');
    });
});
