const assert = require('node:assert');
const vscode = require('vscode');
const { until, workspaceFile, screenshot, codeOf } = require('./support.cjs');

const write = (uri, value) => vscode.workspace.fs.writeFile(uri, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)));

describe('Scenario 10: allium.config.json, completed and checked by its schema, sets what the editor reports', () => {
    const config = workspaceFile('allium.config.json');

    after(() => vscode.workspace.fs.delete(config).then(undefined, () => undefined));

    it('checks the file against the contributed schema and applies its severities and ignored codes, re-read on change', async () => {
        const spec = workspaceFile('orders.allium');
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(spec));
        const unreachable = () => vscode.languages.getDiagnostics(spec).filter(d => codeOf(d) === 'allium.rule.unreachableTrigger');
        await until(() => unreachable().length > 0, 'the unreachable-trigger finding of orders.allium');
        assert.ok(unreachable().every(d => d.severity === vscode.DiagnosticSeverity.Information));

        // A value the schema does not allow is flagged in the config file by VS Code's JSON support.
        await write(config, '{\n  "severity": { "allium.rule.unreachableTrigger": "loud" }\n}\n');
        const document = await vscode.workspace.openTextDocument(config);
        await vscode.window.showTextDocument(document);
        const flagged = await until(() => vscode.languages.getDiagnostics(config).find(d => /error|warning|info|off/.test(d.message)), 'a schema problem on allium.config.json');
        assert.strictEqual(flagged.range.start.line, 1);
        const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', config, new vscode.Position(1, document.lineAt(1).text.indexOf('"loud"') + 1));
        const offered = completions.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
        assert.ok(['error', 'warning', 'info', 'off'].every(value => offered.includes(value)), `completions: ${offered.join(', ')}`);
        await screenshot('scenario-9-config-schema');

        // A valid config changes the findings of the open spec without a restart.
        await write(config, { severity: { 'allium.rule.unreachableTrigger': 'error' } });
        await until(() => unreachable().length > 0 && unreachable().every(d => d.severity === vscode.DiagnosticSeverity.Error), 'the finding as an error');
        await write(config, { ignore: ['allium.rule.unreachableTrigger'] });
        await until(() => vscode.languages.getDiagnostics(spec).length > 0 && unreachable().length === 0, 'the finding ignored');
    });
});
