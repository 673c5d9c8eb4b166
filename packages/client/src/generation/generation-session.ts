import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEFAULT_MODEL, promptIdResolver, promptText, runGeneration, TARGETS, targetLanguageNamed, type GenerationPromptResult, type GenerationResult } from '@allium/generate/streaming';
import { requestPrompt } from './server-requests.js';
import { PreviewPanel } from './preview-panel.js';
import { clausesAt } from './clause-map.js';
import type { PromptDocuments } from './prompt-documents.js';
import type { FromWebview } from './preview-protocol.js';

export const API_KEY_SECRET = 'allium.anthropicApiKey';

function settings() {
    const config = vscode.workspace.getConfiguration('allium.generate');
    return {
        targetLanguage: targetLanguageNamed(config.get<string>('targetLanguage')) ?? 'TypeScript',
        model: config.get<string>('model', DEFAULT_MODEL),
        maxTokens: config.get<number>('maxTokens', 8192),
        baseUrl: config.get<string>('baseUrl', ''),
        extraInstructions: config.get<string>('extraInstructions', '')
    };
}

export async function apiKey(context: vscode.ExtensionContext): Promise<string | undefined> {
    return (await context.secrets.get(API_KEY_SECRET)) || process.env.ANTHROPIC_API_KEY || undefined;
}

/** What a generation is of: spec files (one, or a folder's) and declaration ids within them. */
export interface GenerationTarget {
    uris: vscode.Uri[];
    selection: string[];
    /** For titles: the declaration, file or folder. */
    name: string;
}

function fetchPrompt(client: LanguageClient, target: GenerationTarget): Promise<GenerationPromptResult> {
    const { targetLanguage, extraInstructions } = settings();
    return requestPrompt(client, { uris: target.uris.map(u => u.toString()), selection: target.selection, targetLanguage, extraInstructions });
}

/** Shows the exact prompt a generation would send, read-only; needs no key and no network. */
export async function previewPrompt(client: LanguageClient, documents: PromptDocuments, target: GenerationTarget): Promise<void> {
    await documents.show(target.name, promptText(await fetchPrompt(client, target)));
}

/**
 * One "Generate implementation" run: the prompt from the server, then the same streaming, linking and coverage
 * core as the CLI (`runGeneration`), shown in the preview as it arrives.
 */
export async function generateImplementation(context: vscode.ExtensionContext, client: LanguageClient, target: GenerationTarget): Promise<void> {
    const config = settings();
    const key = await apiKey(context);
    if (!key) {
        const choice = await vscode.window.showErrorMessage('No Anthropic API key is set for Allium generation.', 'Set API key');
        if (choice) {
            await vscode.commands.executeCommand('allium.setApiKey');
        }
        return;
    }
    const prompt = await fetchPrompt(client, target);
    const controller = new AbortController();
    const languageId = TARGETS[prompt.targetLanguage].languageId;
    let status = `Streaming ${prompt.targetLanguage} from ${config.model}...`;
    let done = false;
    let incomplete: string | undefined;
    let summary: string | undefined;
    let files: GenerationResult['files'] = [];
    let regions: GenerationResult['regions'] = [];
    const panel = new PreviewPanel(context, `Generated: ${target.name}`, message => onMessage(message));
    // Regions carry the id the model wrote; the preview links them by the listed id it means.
    const resolve = promptIdResolver(prompt);
    const state = () => ({
        type: 'state' as const, status, done, incomplete, summary,
        files: files.map(f => ({ path: f.path, text: f.text, language: languageId })),
        regions: regions.map(r => ({ ...r, clauseId: resolve(r.clauseId) ?? r.clauseId }))
    });
    const specUris = new Set(prompt.clauses.map(c => c.uri));
    const selectionWatch = vscode.window.onDidChangeTextEditorSelection(event => {
        const uri = event.textEditor.document.uri.toString();
        if (specUris.has(uri)) {
            const position = event.selections[0].active;
            panel.post({ type: 'highlight', clauseIds: clausesAt(prompt.clauses, uri, position.line, position.character).map(c => c.id) });
        }
    });
    panel.onDidDispose(() => { controller.abort(); selectionWatch.dispose(); });

    async function onMessage(message: FromWebview): Promise<void> {
        if (message.type === 'cancel') {
            controller.abort();
        } else if (message.type === 'reveal') {
            await revealClause(prompt, message.clauseId);
        } else if (message.type === 'save') {
            await saveFiles(files);
        }
    }

    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Allium: generating implementation', cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return runGeneration(prompt, {
            apiKey: key, baseURL: config.baseUrl || undefined, model: config.model, maxTokens: config.maxTokens, signal: controller.signal,
            onEvents: (_events, output) => {
                files = [...output.files];
                regions = [...output.regions];
                progress.report({ message: `${files.reduce((n, f) => n + f.text.length, 0)} characters` });
                panel.post(state());
            }
        });
    });
    files = result.files;
    regions = result.regions;
    done = true;
    incomplete = result.incomplete?.message;
    status = incomplete ? 'Incomplete: the output below is partial.' : 'Done.';
    summary = coverageSummary(result);
    panel.post(state(), true);
    if (incomplete) {
        void vscode.window.showWarningMessage(`Allium: ${incomplete} The partial output is kept in the preview.`);
    }
}

function coverageSummary(result: GenerationResult): string {
    const parts = [`Clause coverage: ${result.clauses.length - result.uncovered.length}/${result.clauses.length} linked.`];
    if (result.uncovered.length) {
        parts.push(`Not covered: ${result.uncovered.map(c => c.id).join(', ')}.`);
    }
    if (result.obligations.length) {
        parts.push(`Tests: ${result.obligations.length - result.untested.length}/${result.obligations.length} obligations.`);
    }
    if (result.unknownIds.length) {
        parts.push(`Ignored unknown ids: ${result.unknownIds.join(', ')}.`);
    }
    if (result.usage) {
        parts.push(`Tokens: ${result.usage.inputTokens} in, ${result.usage.outputTokens} out.`);
    }
    return parts.join(' ');
}

async function revealClause(prompt: GenerationPromptResult, clauseId: string): Promise<void> {
    const clause = prompt.clauses.find(c => c.id === clauseId);
    if (!clause) {
        return;
    }
    const range = new vscode.Range(clause.range.start.line, clause.range.start.character, clause.range.end.line, clause.range.end.character);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(clause.uri), { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
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
