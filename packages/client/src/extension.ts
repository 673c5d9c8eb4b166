import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { GENERATE_COMMAND, REGENERATE_CLAUSE_COMMAND } from '@allium/generate/streaming';
import { generateImplementation, previewPrompt, type GenerationHost, type GenerationTarget } from './generation/generation-session.js';
import { API_KEY_SECRET } from './generation/generation-settings.js';
import { PromptDocuments } from './generation/prompt-documents.js';
import type { PreviewPanel } from './generation/preview-panel.js';
import { MarkerLinkProvider, registerShowLocations } from './trace/trace-commands.js';
import { regenerateClause } from './trace/regenerate-clause.js';
import { registerLanguageModelTools } from './agents/language-model-tools.js';
import { registerDiagramCommands } from './diagram/diagram-commands.js';
import { LanguageStatus } from './status/language-status.js';
import type { StatusView } from './status/status-text.js';

/** Source files generated code may be in: where markers link back to the spec. */
const CODE_FILES: vscode.DocumentSelector = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'kotlin', 'java', 'python', 'go', 'rust', 'csharp', 'swift', 'scala', 'ruby', 'php', 'c', 'cpp']
    .map(language => ({ language, scheme: 'file' }));

let client: LanguageClient | undefined;

/** What the extension tells other extensions and the end-to-end tests. */
export interface AlliumExtensionApi {
    /** What the language status item shows now. */
    status(): StatusView | undefined;
}

/** Thin client: all language smarts live in the server (out/server/main.cjs). */
export async function activate(context: vscode.ExtensionContext): Promise<AlliumExtensionApi> {
    const output = vscode.window.createOutputChannel('Allium', { log: true });
    const status = new LanguageStatus(context.extension.packageJSON.version as string);
    context.subscriptions.push(output, status);
    client = createClient(context, output);
    status.follow(client);
    context.subscriptions.push(
        vscode.commands.registerCommand('allium.restartServer', async () => {
            output.info('Restarting the Allium language server.');
            await client?.stop();
            client = createClient(context, output);
            status.follow(client);
            await client.start();
        }),
        vscode.commands.registerCommand('allium.showLogs', () => output.show(true))
    );
    registerGenerationCommands(context, output);
    context.subscriptions.push(...registerLanguageModelTools(() => client));
    context.subscriptions.push(registerDiagramCommands(context, () => client, output));
    await client.start();
    return { status: () => status.view };
}

function registerGenerationCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
    const prompts = new PromptDocuments();
    const fileTarget = (uri?: string | vscode.Uri, selection: string[] = []): GenerationTarget | undefined => {
        const spec = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
        const file = spec && spec.path.slice(spec.path.lastIndexOf('/') + 1);
        return spec && { uris: [spec], selection, name: selection.length === 1 ? selection[0].replace(/^.*::/, '').replace(':', ' ') : file! };
    };
    const folderTarget = async (folder?: vscode.Uri): Promise<GenerationTarget | undefined> => {
        const root = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
        if (!root) {
            return undefined;
        }
        const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.allium'), '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
        if (uris.length === 0) {
            void vscode.window.showWarningMessage(`Allium: no .allium files under ${vscode.workspace.asRelativePath(root)}.`);
            return undefined;
        }
        return { uris, selection: [], name: vscode.workspace.asRelativePath(root) };
    };
    const run = (target: GenerationTarget | undefined, action: (target: GenerationTarget) => Promise<void>) => target && client && action(target).catch(error => {
        output.error(`Generation failed: ${error instanceof Error ? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`Allium: ${error instanceof Error ? error.message : String(error)}`);
    });
    const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left);
    const panels = new Map<string, PreviewPanel>();
    const host = (): GenerationHost => ({ context, client: client!, log: output, status, panels });
    const generate = (target: GenerationTarget) => generateImplementation(host(), target);
    context.subscriptions.push(
        status,
        registerShowLocations(),
        vscode.languages.registerDocumentLinkProvider(CODE_FILES, new MarkerLinkProvider(() => client)),
        vscode.commands.registerCommand(REGENERATE_CLAUSE_COMMAND, (clauseId: string) => client && regenerateClause(context, client, output, clauseId).catch(error => {
            output.error(`Regeneration failed: ${error instanceof Error ? error.message : String(error)}`);
            void vscode.window.showErrorMessage(`Allium: ${error instanceof Error ? error.message : String(error)}`);
        })),
        vscode.workspace.registerTextDocumentContentProvider(PromptDocuments.scheme, prompts),
        vscode.commands.registerCommand(GENERATE_COMMAND, (uri?: string, selection?: string[]) => run(fileTarget(uri, selection), generate)),
        vscode.commands.registerCommand('allium.generateFile', (uri?: vscode.Uri) => run(fileTarget(uri), generate)),
        vscode.commands.registerCommand('allium.generateFolder', async (folder?: vscode.Uri) => run(await folderTarget(folder), generate)),
        vscode.commands.registerCommand('allium.previewPrompt', (uri?: string, selection?: string[]) => run(fileTarget(uri, selection), t => previewPrompt(client!, prompts, t))),
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
