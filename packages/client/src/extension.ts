import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Thin client: all language smarts live in the server (out/server/main.cjs). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('Allium', { log: true });
    context.subscriptions.push(output);
    client = createClient(context, output);
    context.subscriptions.push(vscode.commands.registerCommand('allium.restartServer', async () => {
        output.info('Restarting the Allium language server.');
        await client?.stop();
        client = createClient(context, output);
        await client.start();
    }));
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
    const module = context.asAbsolutePath('out/server/main.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'allium', scheme: 'file' }, { language: 'allium', scheme: 'untitled' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.allium') },
        outputChannel: output
    };
    return new LanguageClient('allium', 'Allium Language Server', serverOptions, clientOptions);
}
