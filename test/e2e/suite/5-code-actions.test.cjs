const assert = require('node:assert');
const vscode = require('vscode');
const { until, workspaceFile, screenshot, codeOf } = require('./support.cjs');

describe('Scenario 5: quick fixes and fix all', () => {
    it('offers a fix and an ignore line in the light bulb, and fixes every safe finding through source.fixAll', async () => {
        const uri = workspaceFile('fixable.allium');
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        const codes = () => vscode.languages.getDiagnostics(uri).map(codeOf);
        const misspelt = await until(() => vscode.languages.getDiagnostics(uri).find(d => codeOf(d) === 'allium.status.undefinedValue'), 'the misspelt status');

        const quickFixes = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, misspelt.range, vscode.CodeActionKind.QuickFix.value);
        const titles = quickFixes.map(a => a.title);
        assert.ok(titles.includes("Change to 'closed'"), titles.join(' | '));
        assert.ok(titles.includes('Ignore allium.status.undefinedValue on this line'), titles.join(' | '));
        editor.selection = new vscode.Selection(misspelt.range.start, misspelt.range.start);
        await vscode.commands.executeCommand('editor.action.quickFix');
        await screenshot('scenario-5-quick-fixes');
        await vscode.commands.executeCommand('hideCodeActionWidget');

        const everything = new vscode.Range(0, 0, document.lineCount, 0);
        const fixAll = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, everything, vscode.CodeActionKind.SourceFixAll.value);
        assert.deepStrictEqual(fixAll.map(a => [a.title, a.kind.value]), [['Fix all safe Allium findings (3)', 'source.fixAll.allium']]);
        assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit));
        const text = document.getText();
        assert.match(text, /ensures: ticket\.status = closed/);
        assert.match(text, /requires: ticket\.checks\.all\(check => check\.passed\)/);
        assert.match(text, /requires: ticket\.status != expired/);
        await until(() => codes().every(c => !['allium.status.undefinedValue', 'allium.temporal.missingGuard', 'allium.expression.implicitLambda'].includes(c)), 'the fixed findings to clear');
        await screenshot('scenario-5-fixed');
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });
});
