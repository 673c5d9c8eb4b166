const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, until, workspaceFile, screenshot, codeOf } = require('./support.cjs');

describe('Scenario 1: opening a spec shows its problems, fixing it clears them', () => {
    it('activates on an .allium file, reports a syntax error on its line, and clears it after the fix', async () => {
        const uri = workspaceFile('broken.allium');
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        assert.strictEqual(document.languageId, 'allium');
        await until(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'the Allium extension to activate');

        const errors = () => vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        const syntax = await until(() => errors().find(d => codeOf(d) === 'allium.syntax'), 'a syntax error');
        assert.strictEqual(syntax.range.start.line + 1, 8, `syntax error line: ${syntax.message}`);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await screenshot('scenario-1-problems');

        const line = document.lineAt(7);
        await editor.edit(edit => edit.replace(line.range, line.text.replace('==', '=')));
        await until(() => errors().length === 0, 'the errors to clear');
    });
});
