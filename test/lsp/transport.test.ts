import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER } from './lsp-client.js';

describe('transports', () => {
    it('answers over Node IPC, as the VS Code client starts it', async () => {
        const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
        connection.listen();
        try {
            const { capabilities } = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
            expect(capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, documentFormattingProvider: true });
            await connection.sendNotification('initialized', {});
            const uri = 'file:///ipc/spec.allium';
            const published = new Promise(resolve => connection.onNotification('textDocument/publishDiagnostics', resolve));
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'allium', version: 1, text: '-- allium: 3\nrule Go {\n    when: Go()\n    ensures: Done()\n\n    @guidance\n        -- Quickly.\n}\n' } });
            await published;
            const hover = await connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } });
            expect(hover.contents.value).toContain('**Implementation guidance**\n\nQuickly.');
            await connection.sendRequest('shutdown');
            const exited = new Promise(resolve => child.once('exit', resolve));
            await connection.sendNotification('exit');
            await exited;
        } finally {
            connection.dispose();
            child.kill();
        }
    });
});
