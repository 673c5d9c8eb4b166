import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { API_KEY_SECRET, generateImplementation, previewPrompt } from './generation/generation-session.js';

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
    registerGenerationCommands(context, output);
    await client.start();
}

function registerGenerationCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
    const specUri = (uri?: string | vscode.Uri) => typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
    const guarded = (run: () => Promise<void>) => run().catch(error => {
        output.error(`Generation failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`Allium: ${error instanceof Error ? error.message : String(error)}`);
    });
    context.subscriptions.push(
        vscode.commands.registerCommand('allium.generate', (uri?: string, selection?: string[]) => {
            const target = specUri(uri);
            return target && client && guarded(() => generateImplementation(context, client!, target, selection ?? []));
        }),
        vscode.commands.registerCommand('allium.generateFile', () => {
            const target = specUri();
            return target && client && guarded(() => generateImplementation(context, client!, target, []));
        }),
        vscode.commands.registerCommand('allium.previewPrompt', (uri?: string, selection?: string[]) => {
            const target = specUri(uri);
            return target && client && guarded(() => previewPrompt(client!, target, selection ?? []));
        }),
        vscode.commands.registerCommand('allium.setApiKey', async () => {
            const key = await vscode.window.showInputBox({ prompt: 'Anthropic API key for Allium generation (kept in VS Code secret storage)', password: true, ignoreFocusOut: true });
            if (key) {
                await context.secrets.store(API_KEY_SECRET, key.trim());
                void vscode.window.showInformationMessage('Allium: API key stored in secret storage.');
            }
        })
    );
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
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.allium'), configurationSection: 'allium' },
        outputChannel: output
    };
    return new LanguageClient('allium', 'Allium Language Server', serverOptions, clientOptions);
}
