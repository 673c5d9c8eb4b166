import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClauseLinkParser, DEFAULT_MODEL, GenerationError, streamMessage, type Usage } from '@allium/generate/streaming';
import { requestPrompt, type GenerationPromptResult } from './server-requests.js';
import { PreviewPanel } from './preview-panel.js';
import { clausesAt } from './clause-map.js';
import type { FromWebview } from './preview-protocol.js';

export const API_KEY_SECRET = 'allium.anthropicApiKey';
const HIGHLIGHT: Record<string, string> = { TypeScript: 'typescript', Kotlin: 'kotlin', Python: 'python', Go: 'go', Java: 'java', Rust: 'rust' };

function settings() {
    const config = vscode.workspace.getConfiguration('allium.generate');
    return {
        targetLanguage: config.get<string>('targetLanguage', 'TypeScript'),
        model: config.get<string>('model', DEFAULT_MODEL),
        maxTokens: config.get<number>('maxTokens', 8192),
        baseUrl: config.get<string>('baseUrl', ''),
        extraInstructions: config.get<string>('extraInstructions', '')
    };
}

export async function apiKey(context: vscode.ExtensionContext): Promise<string | undefined> {
    return (await context.secrets.get(API_KEY_SECRET)) || process.env.ANTHROPIC_API_KEY || undefined;
}

/** Shows the exact prompt a generation would send; needs no key and no network. */
export async function previewPrompt(client: LanguageClient, uri: vscode.Uri, selection: string[]): Promise<void> {
    const { targetLanguage, extraInstructions } = settings();
    const prompt = await requestPrompt(client, uri.toString(), selection, targetLanguage, extraInstructions);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# System\n\n${prompt.system}\n\n# User\n\n${prompt.user}\n` });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
}

/** One "Generate implementation" run: prompt from the server, stream into the preview, link regions to clauses. */
export async function generateImplementation(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri, selection: string[]): Promise<void> {
    const config = settings();
    const key = await apiKey(context);
    if (!key) {
        const choice = await vscode.window.showErrorMessage('No Anthropic API key is set for Allium generation.', 'Set API key');
        if (choice) {
            await vscode.commands.executeCommand('allium.setApiKey');
        }
        return;
    }
    const prompt = await requestPrompt(client, uri.toString(), selection, config.targetLanguage, config.extraInstructions);
    const parser = new ClauseLinkParser();
    const controller = new AbortController();
    const title = selection.length === 1 ? `Generated: ${selection[0].replace(/^\w+:/, '')}` : 'Generated implementation';
    let status = `Streaming ${config.targetLanguage} from ${config.model}...`;
    let done = false;
    let incomplete: string | undefined;
    let summary: string | undefined;
    const panel = new PreviewPanel(context, title, message => onMessage(message));
    const state = () => ({
        type: 'state' as const, status, done, incomplete, summary,
        files: parser.files.map(f => ({ path: f.path, text: f.text, language: HIGHLIGHT[config.targetLanguage] ?? 'plaintext' })),
        regions: parser.regions.map(r => ({ ...r }))
    });
    const selectionWatch = vscode.window.onDidChangeTextEditorSelection(event => {
        if (event.textEditor.document.uri.toString() === uri.toString()) {
            const position = event.selections[0].active;
            panel.post({ type: 'highlight', clauseIds: clausesAt(prompt.clauses, position.line, position.character).map(c => c.id) });
        }
    });
    panel.onDidDispose(() => { controller.abort(); selectionWatch.dispose(); });

    async function onMessage(message: FromWebview): Promise<void> {
        if (message.type === 'cancel') {
            controller.abort();
        } else if (message.type === 'reveal') {
            await revealClause(uri, prompt, message.clauseId);
        } else if (message.type === 'save') {
            await saveFiles(parser.files);
        }
    }

    let usage: Usage | undefined;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Allium: generating implementation', cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        try {
            const result = await streamMessage({
                apiKey: key, baseURL: config.baseUrl || undefined, model: config.model, maxTokens: config.maxTokens,
                system: prompt.system, user: prompt.user, signal: controller.signal,
                onText: text => {
                    parser.feed(text);
                    progress.report({ message: `${parser.files.reduce((n, f) => n + f.text.length, 0)} characters` });
                    panel.post(state());
                }
            });
            usage = result.usage;
            incomplete = result.incomplete?.message;
        } catch (error) {
            incomplete = error instanceof GenerationError ? error.message : `Generation failed: ${String(error)}`;
        }
    });
    parser.end();
    done = true;
    const linked = new Set(parser.regions.map(r => r.clauseId));
    const uncovered = prompt.clauses.filter(c => !linked.has(c.id));
    status = incomplete ? 'Incomplete: the output below is partial.' : 'Done.';
    summary = `Clause coverage: ${prompt.clauses.length - uncovered.length}/${prompt.clauses.length} linked.`
        + (uncovered.length ? ` Not covered: ${uncovered.map(c => c.id).join(', ')}.` : '')
        + (usage ? ` Tokens: ${usage.inputTokens} in, ${usage.outputTokens} out.` : '');
    panel.post(state(), true);
    if (incomplete) {
        void vscode.window.showWarningMessage(`Allium: ${incomplete} The partial output is kept in the preview.`);
    }
}

async function revealClause(uri: vscode.Uri, prompt: GenerationPromptResult, clauseId: string): Promise<void> {
    const clause = prompt.clauses.find(c => c.id === clauseId);
    if (!clause) {
        return;
    }
    const range = new vscode.Range(clause.range.start.line, clause.range.start.character, clause.range.end.line, clause.range.end.character);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function saveFiles(files: Array<{ path: string; text: string }>): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: folder, openLabel: 'Save generated files here' });
    if (!picked?.[0]) {
        return;
    }
    let written = 0;
    for (const file of files) {
        const target = vscode.Uri.joinPath(picked[0], file.path);
        if (!target.path.startsWith(picked[0].path + '/')) {
            continue;
        }
        const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
        if (exists && (await vscode.window.showWarningMessage(`${file.path} exists. Overwrite it?`, { modal: true }, 'Overwrite')) !== 'Overwrite') {
            continue;
        }
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(file.text));
        written++;
    }
    void vscode.window.showInformationMessage(`Allium: saved ${written} generated file${written === 1 ? '' : 's'}.`);
}
