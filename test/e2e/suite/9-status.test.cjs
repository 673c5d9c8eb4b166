const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, until, workspaceFile, screenshot } = require('./support.cjs');

describe('Scenario 9: the language status, restart and logs, and type hints behind their setting', () => {
    it('shows the server, its version and the spec set of the file, and comes back after a restart', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const document = await vscode.workspace.openTextDocument(workspaceFile('checkout.allium'));
        await vscode.window.showTextDocument(document);
        const extension = await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive && vscode.extensions.getExtension(EXTENSION_ID), 'the Allium extension to activate');
        const version = extension.packageJSON.version;
        const status = () => extension.exports.status();
        const shown = await until(() => status()?.detail.includes('payments.allium') && status(), 'the spec set in the language status');
        assert.strictEqual(shown.text, `Allium ${version}`);
        assert.strictEqual(shown.detail, 'strict diagnostics · spec set checkout.allium, payments.allium');
        await screenshot('scenario-9-status');

        await vscode.commands.executeCommand('allium.showLogs');
        await vscode.commands.executeCommand('allium.restartServer');
        await until(() => status()?.text === `Allium ${version}` && status().detail.includes('payments.allium'), 'the server running again after the restart');
    });

    it('shows the inferred type of a trigger parameter only once the setting is on', async () => {
        const uri = workspaceFile('orders.allium');
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const hints = async () => (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, whole)) ?? [];
        const label = hint => typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
        // Asked once the server has the file, so an empty answer means "off", not "not ready".
        await until(async () => ((await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, document.positionAt(document.getText().indexOf('ShipOrder {')))) ?? []).length > 0, 'the server to know the file');
        assert.deepStrictEqual(await hints(), []);

        const settings = vscode.workspace.getConfiguration('allium');
        await settings.update('inlayHints.enabled', true, vscode.ConfigurationTarget.Workspace);
        try {
            const shown = await until(async () => { const h = await hints(); return h.length > 0 && h; }, 'type hints after turning them on');
            const parameter = document.positionAt(document.getText().indexOf('ShipOrder(order)') + 'ShipOrder(order'.length);
            assert.ok(shown.some(h => label(h) === ': Order' && h.position.isEqual(parameter)), JSON.stringify(shown.map(h => [label(h), h.position])));
            await screenshot('scenario-9-inlay-hints');
        } finally {
            await settings.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
        }
    });
});
