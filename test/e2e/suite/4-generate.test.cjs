const assert = require('node:assert');
const http = require('node:http');
const vscode = require('vscode');
const { until, workspaceFile, screenshot } = require('./support.cjs');

/** A local server speaking the Anthropic Messages streaming protocol (SSE), streaming `chunks` slowly. */
function fakeAnthropic(chunks, delayMs) {
    const seen = { requests: 0, completed: 0, closedEarly: 0 };
    const server = http.createServer(async (req, res) => {
        for await (const _ of req) { /* drain the request body */ }
        if (req.url.startsWith('/v1/messages/count_tokens')) {
            res.writeHead(200, { 'content-type': 'application/json' });
            return res.end(JSON.stringify({ input_tokens: 100 }));
        }
        seen.requests++;
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
        send('message_start', { message: { id: 'msg_e2e', type: 'message', role: 'assistant', model: 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 100, output_tokens: 1 } } });
        send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
        let finished = false;
        res.on('close', () => { if (!finished) seen.closedEarly++; });
        for (const text of chunks) {
            if (res.destroyed) return;
            send('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
            await new Promise(r => setTimeout(r, delayMs));
        }
        send('content_block_stop', { index: 0 });
        send('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: chunks.length } });
        send('message_stop', {});
        finished = true;
        res.end();
        seen.completed++;
    });
    return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve({ server, seen, url: `http://127.0.0.1:${server.address().port}` })));
}

const OUTPUT = [
    '=== FILE: src/ship-order.ts ===\n', 'export type Status = "pending" | "shipped";\n\n',
    '// @allium-begin rule:ShipOrder\nexport function shipOrder(order: { status: Status }) {\n',
    '    // @allium-begin rule:ShipOrder/requires#1\n    if (order.status !== "pending") {\n        throw new Error("order is not pending");\n    }\n',
    '    // @allium-end rule:ShipOrder/requires#1\n    order.status = "shipped";\n}\n// @allium-end rule:ShipOrder\n'
];

describe('Scenario 4: Generate implementation streams a linked preview beside the spec', () => {
    it('runs from the code action, streams from the API, and a click on generated code selects its clause', async () => {
        const { server, seen, url } = await fakeAnthropic(OUTPUT, 300);
        try {
            process.env.ANTHROPIC_API_KEY = 'sk-e2e-not-a-real-key';
            await vscode.workspace.getConfiguration('allium.generate').update('baseUrl', url, vscode.ConfigurationTarget.Global);
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            const uri = workspaceFile('orders.allium');
            const document = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
            const position = document.positionAt(document.getText().indexOf('rule ShipOrder') + 6);
            const actions = await until(async () => {
                const found = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(position, position));
                return found?.find(a => /Generate implementation for rule ShipOrder/.test(a.title));
            }, 'the Generate implementation code action');
            const running = vscode.commands.executeCommand(actions.command.command, ...actions.command.arguments);

            const previewTab = await until(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label.startsWith('Generated')), 'the preview tab');
            assert.notStrictEqual(previewTab.group.viewColumn, vscode.ViewColumn.One, 'the preview opens beside the spec');
            await until(() => seen.requests === 1, 'the request to the local Messages API');
            await new Promise(r => setTimeout(r, 700));
            await screenshot('scenario-4-streaming');
            await running;
            assert.strictEqual(seen.completed, 1);
            await screenshot('scenario-4-done');

            console.log('[[click:.line.linked[data-line="3"]]]');
            const requires = document.positionAt(document.getText().indexOf('requires: order.status = pending'));
            await until(() => {
                const editor = vscode.window.activeTextEditor;
                return editor && editor.document.uri.toString() === uri.toString() && editor.selection.start.line === requires.line;
            }, 'the spec cursor on the clause of the clicked code');
            await screenshot('scenario-4-linked');

            // Cancel from the preview while a second, slow answer streams: the request is closed, what came stays.
            seen.requests = 0;
            const slow = [...OUTPUT.slice(0, 3), ...Array.from({ length: 40 }, (_, i) => `    step${i}();\n`)];
            const second = await fakeAnthropic(slow, 250);
            await vscode.workspace.getConfiguration('allium.generate').update('baseUrl', second.url, vscode.ConfigurationTarget.Global);
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
            const cancelled = vscode.commands.executeCommand(actions.command.command, ...actions.command.arguments);
            await until(() => second.seen.requests === 1, 'the second request');
            await new Promise(r => setTimeout(r, 1500));
            console.log('[[click:#cancel]]');
            await until(() => second.seen.closedEarly === 1, 'the request to be closed by Cancel');
            await cancelled;
            assert.strictEqual(second.seen.completed, 0);
            await new Promise(r => setTimeout(r, 500));
            await screenshot('scenario-4-cancelled');
            second.server.close();
        } finally {
            delete process.env.ANTHROPIC_API_KEY;
            await vscode.workspace.getConfiguration('allium.generate').update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
            server.close();
        }
    });
});
