const assert = require('node:assert');
const http = require('node:http');
const vscode = require('vscode');
const { until, workspaceFile, screenshot, codeOf } = require('./support.cjs');

/** A local Messages API (SSE) answering each request with the next of `answers`; a 401 for `'unauthorized'`. */
function fakeAnthropic(answers) {
    const seen = { requests: 0 };
    const server = http.createServer(async (req, res) => {
        for await (const _ of req) { /* drain the request body */ }
        if (req.url.startsWith('/v1/messages/count_tokens')) {
            res.writeHead(200, { 'content-type': 'application/json' });
            return res.end(JSON.stringify({ input_tokens: 1200 }));
        }
        const answer = answers[Math.min(seen.requests++, answers.length - 1)];
        if (answer === 'unauthorized') {
            res.writeHead(401, { 'content-type': 'application/json' });
            return res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
        send('message_start', { message: { id: 'msg_e2e', type: 'message', role: 'assistant', model: 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 100, output_tokens: 1 } } });
        send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        for (const text of answer) {
            send('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
            await new Promise(r => setTimeout(r, 50));
        }
        send('content_block_stop', { index: 0 });
        send('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: answer.length } });
        send('message_stop', {});
        res.end();
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ server, seen, url: `http://127.0.0.1:${server.address().port}` })));
}

const GENERATED = [
    'I kept the order type minimal.\n=== FILE: src/ship-order.ts ===\n', 'export type Status = "pending" | "shipped";\n\n',
    '// @allium-begin rule:ShipOrder\nexport function shipOrder(order: { status: Status }) {\n',
    '    // @allium-begin rule:ShipOrder/requires#1\n    if (order.status !== "pending") throw new Error("not pending");\n    // @allium-end rule:ShipOrder/requires#1\n',
    '    // @allium-begin rule:ShipOrder/ensures#1\n    order.status = "shipped";\n    // @allium-end rule:ShipOrder/ensures#1\n}\n// @allium-end rule:ShipOrder\n'
];
const REGENERATED = ['=== FILE: src/ship-order.ts ===\n', '    // @allium-begin orders::rule:ShipOrder/ensures#1\n    order.status = "shipped";\n    notifyShipped(order);\n    // @allium-end orders::rule:ShipOrder/ensures#1\n'];

/** The refactor preview is a view of the panel, not an editor: give it time to show its diff, then look. */
const refactorPreviewShown = () => new Promise(r => setTimeout(r, 2500));

/**
 * Edits that need confirmation start unticked in the refactor preview: tick the rows of the files, as a user would
 * (a file created is one row; a file changed is a row and, below it, a row per change).
 */
async function tickRefactorPreview(rows) {
    for (const row of rows) {
        console.log(`[[click:.bulk-edit-panel .monaco-list-row[data-index="${row}"] .edit-checkbox]]`);
        await new Promise(r => setTimeout(r, 1200));
    }
}

describe('Scenario 6: generated code stays linked to the spec after the preview', () => {
    it('applies through the refactor preview, lenses count the code, an edit shows drift, and "Regenerate this clause" previews the new region', async () => {
        const { server, url } = await fakeAnthropic(['unauthorized', GENERATED, REGENERATED]);
        const spec = workspaceFile('orders.allium');
        try {
            process.env.ANTHROPIC_API_KEY = 'sk-e2e-not-a-real-key';
            await vscode.workspace.getConfiguration('allium.generate').update('baseUrl', url, vscode.ConfigurationTarget.Global);
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            const document = await vscode.workspace.openTextDocument(spec);
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);

            // A rejected key: the preview offers "Set API key" instead of a dead end.
            await vscode.commands.executeCommand('allium.generate', spec.toString(), ['rule:ShipOrder']);
            await new Promise(r => setTimeout(r, 800));
            await screenshot('scenario-6-unauthorized');
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');

            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
            await vscode.commands.executeCommand('allium.generate', spec.toString(), ['rule:ShipOrder']);
            // The webview renders the finished state a moment after the run ends.
            await new Promise(r => setTimeout(r, 2500));
            console.log('[[click:#actions button]]');
            await refactorPreviewShown();
            await screenshot('scenario-6-refactor-preview');
            await tickRefactorPreview([0, 1]);
            await vscode.commands.executeCommand('refactorPreview.apply');
            const code = workspaceFile('generated/src/ship-order.ts');
            const saved = await until(() => vscode.workspace.fs.readFile(code).then(b => Buffer.from(b).toString('utf8'), () => undefined), 'the applied file');
            assert.match(saved, /\/\/ @allium-begin orders::rule:ShipOrder\/requires#1\n/);
            const record = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(workspaceFile('generated/.allium/trace.json'))).toString('utf8'));
            assert.ok(record.clauses['orders::rule:ShipOrder/ensures#1'].fingerprint);

            const lens = await until(async () => {
                const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', spec);
                return lenses?.find(l => /^implemented in/.test(l.command?.title ?? ''));
            }, 'the "implemented in" lens');
            assert.strictEqual(lens.command.title, 'implemented in 1 place · 0 tests');
            const ensures = document.positionAt(document.getText().indexOf('ensures: order.status'));
            const implementations = await vscode.commands.executeCommand('vscode.executeImplementationProvider', spec, ensures);
            assert.strictEqual(implementations[0].uri?.toString() ?? implementations[0].targetUri.toString(), code.toString());
            await vscode.window.showTextDocument(code, { viewColumn: vscode.ViewColumn.One });
            await screenshot('scenario-6-code');
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);

            const edit = new vscode.WorkspaceEdit();
            edit.replace(spec, document.lineAt(ensures.line).range, '    ensures: order.status = shipped and order.notified = true');
            await vscode.workspace.applyEdit(edit);
            const drift = await until(() => vscode.languages.getDiagnostics(spec).find(d => codeOf(d) === 'allium.trace.drifted' && d.range.start.line === ensures.line), 'the drift warning on the edited clause');
            assert.match(drift.message, /changed since its code was generated/);
            await screenshot('scenario-6-drift');
            const fixes = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', spec, drift.range);
            const regenerate = fixes.find(a => /^Regenerate orders::rule:ShipOrder\/ensures#1/.test(a.title));
            assert.ok(regenerate, 'the "Regenerate this clause" quick fix');
            const running = vscode.commands.executeCommand(regenerate.command.command, ...regenerate.command.arguments);
            await refactorPreviewShown();
            await screenshot('scenario-6-regenerate-preview');
            await tickRefactorPreview([0, 2]);
            await vscode.commands.executeCommand('refactorPreview.apply');
            await running;
            const regenerated = await until(async () => {
                const text = Buffer.from(await vscode.workspace.fs.readFile(code)).toString('utf8');
                return text.includes('notifyShipped(order);') ? text : undefined;
            }, 'the regenerated region in the file');
            assert.match(regenerated, /if \(order\.status !== "pending"\)/);
        } finally {
            delete process.env.ANTHROPIC_API_KEY;
            await vscode.workspace.getConfiguration('allium.generate').update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
            server.close();
        }
    });
});
