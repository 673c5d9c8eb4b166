// Scenario 5: the packaged .vsix, installed like a user would, activates and serves diagnostics.
const assert = require('node:assert');
const Mocha = require('mocha');
const vscode = require('vscode');
const { EXTENSION_ID, until, workspaceFile, screenshot, codeOf } = require('../suite/support.cjs');

exports.run = function run() {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
    mocha.suite.emit('pre-require', global, 'installed', mocha);
    describe('Scenario 5: the installed .vsix', () => {
        it('is installed, activates on an .allium file and reports its problems', async () => {
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, 'the packaged extension is installed');
            assert.ok(!extension.extensionPath.includes('/test/e2e/'), 'it is the installed copy, not the development folder');
            const uri = workspaceFile('broken.allium');
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
            await until(() => vscode.extensions.getExtension(EXTENSION_ID).isActive, 'activation');
            await until(() => vscode.languages.getDiagnostics(uri).some(d => codeOf(d) === 'allium.syntax'), 'diagnostics from the bundled server');
            await screenshot('scenario-5-installed-vsix');
        });
    });
    return new Promise((resolve, reject) => mocha.run(failures => failures ? reject(new Error(`${failures} failed`)) : resolve()));
};
