import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    Commands, formatUsd, GENERATE_SECTION, promptIdResolver, promptText, runGeneration, TARGETS,
    type GenerationPrompt, type GenerationPromptResult, type GenerationResult
} from '@allium/generate/streaming';
import { requestPrompt } from './server-requests.js';
import { PreviewPanel } from './preview-panel.js';
import { clausesAt } from './clause-map.js';
import { applyGenerated } from './apply-files.js';
import { apiKey, generationSettings } from './generation-settings.js';
import { resolveClause } from '../trace/trace-commands.js';
import type { PromptDocuments } from './prompt-documents.js';
import type { FromWebview, PreviewState } from './preview-protocol.js';

/** What a generation is of: spec files (one, or a folder's) and declaration ids within them. */
export interface GenerationTarget {
    uris: vscode.Uri[];
    selection: string[];
    /** For titles: the declaration, file or folder. */
    name: string;
}

/** What a run needs of the extension: its context, the language client, the output channel and status bar. */
export interface GenerationHost {
    context: vscode.ExtensionContext;
    client: LanguageClient;
    log: vscode.LogOutputChannel;
    status: vscode.StatusBarItem;
    /** One preview per target: a second run of the same target reuses its panel. */
    panels: Map<string, PreviewPanel>;
}

function fetchPrompt(client: LanguageClient, target: GenerationTarget): Promise<GenerationPromptResult> {
    const { targetLanguage, extraInstructions } = generationSettings();
    return requestPrompt(client, { uris: target.uris.map(u => u.toString()), selection: target.selection, targetLanguage, extraInstructions });
}

/** Shows the exact prompt a generation would send, read-only; needs no key and no network. */
export async function previewPrompt(client: LanguageClient, documents: PromptDocuments, target: GenerationTarget): Promise<void> {
    await documents.show(target.name, promptText(await fetchPrompt(client, target)));
}

/**
 * One "Generate implementation" run: the prompt from the server, then the same streaming, linking and coverage
 * core as the CLI (`runGeneration`), shown in the preview as it arrives; "Apply" puts the files in the workspace
 * through the refactor preview. Failures offer their way forward (set the key and go on, retry, continue).
 */
export async function generateImplementation(host: GenerationHost, target: GenerationTarget): Promise<void> {
    const key = await apiKey(host.context);
    if (!key) {
        if (await vscode.window.showErrorMessage('No Anthropic API key is set for Allium generation.', 'Set API key') && await setKeyAndConfirm()) {
            return generateImplementation(host, target);
        }
        return;
    }
    const prompt = await fetchPrompt(host.client, target);
    await run(host, target, prompt, key);
}

async function run(host: GenerationHost, target: GenerationTarget, prompt: GenerationPrompt, key: string): Promise<void> {
    const config = generationSettings();
    const controller = new AbortController();
    const languageId = TARGETS[prompt.targetLanguage].languageId;
    const resolve = promptIdResolver(prompt);
    const panelKey = `${target.uris.map(u => u.toString()).join('|')}#${target.selection.join(',')}#${prompt.targetLanguage}`;
    const panel = host.panels.get(panelKey) ?? new PreviewPanel(host.context, `Generated: ${target.name}`);
    host.panels.set(panelKey, panel);
    panel.onDidDispose(() => { controller.abort(); host.panels.delete(panelKey); });
    let result: GenerationResult | undefined;
    const state: PreviewState = { status: `Streaming ${prompt.targetLanguage} from ${config.model}...`, done: false, files: [], regions: [], actions: [] };
    const publish = (now = false) => panel.show(state, now);
    const selectionWatch = vscode.window.onDidChangeTextEditorSelection(event => {
        const uri = event.textEditor.document.uri.toString();
        if (prompt.clauses.some(c => c.uri === uri)) {
            const position = event.selections[0].active;
            panel.highlight(clausesAt(prompt.clauses, uri, position.line, position.character).map(c => c.id));
        }
    });
    panel.onDidDispose(() => selectionWatch.dispose());
    panel.onMessage(async (message: FromWebview) => {
        if (message.type === 'cancel') {
            controller.abort();
        } else if (message.type === 'reveal') {
            await reveal(host.client, prompt, message.clauseId);
        } else if (message.type === 'action' && message.action === 'apply' && result) {
            await apply(host, prompt, result, target, state, publish);
        } else if (message.type === 'action' && message.action === 'retry') {
            await run(host, target, prompt, key);
        } else if (message.type === 'action' && message.action === 'set-key') {
            if (await setKeyAndConfirm()) {
                const fresh = await apiKey(host.context);
                if (fresh) {
                    await run(host, target, prompt, fresh);
                }
            }
        } else if (message.type === 'action' && message.action === 'settings') {
            await vscode.commands.executeCommand('workbench.action.openSettings', GENERATE_SECTION);
        } else if (message.type === 'open') {
            await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One });
        }
    });
    publish(true);
    host.status.text = `$(sync~spin) Allium: generating ${target.name}`;
    host.status.show();
    host.log.info(`Generation of ${target.name}: ${prompt.targetLanguage}, model ${config.model}, ${prompt.clauses.length} clauses, ${prompt.obligations.length} obligations, prompt ${prompt.system.length + prompt.prefix.length + prompt.request.length} characters.`);
    const started = Date.now();
    try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Allium: generating ${target.name}`, cancellable: true }, (progress, token) => {
            token.onCancellationRequested(() => controller.abort());
            return runGeneration(prompt, {
                apiKey: key, baseURL: config.baseUrl || undefined, model: config.model, maxTokens: config.maxTokens, maxRounds: config.maxRounds,
                idleTimeoutSeconds: config.idleTimeoutSeconds, signal: controller.signal,
                onStatus: status => {
                    state.status = status.message;
                    host.log.info(status.message);
                    progress.report({ message: status.message });
                    publish();
                },
                onEvents: (_events, output) => {
                    state.files = output.files.map(f => ({ path: f.path, text: f.text, language: languageId }));
                    state.regions = output.regions.map(r => ({ ...r, clauseId: resolve(r.clauseId) ?? r.clauseId }));
                    progress.report({ message: `${output.files.reduce((n, f) => n + f.text.length, 0)} characters` });
                    publish();
                }
            });
        });
    } finally {
        host.status.hide();
    }
    state.done = true;
    state.files = result.files.map(f => ({ path: f.path, text: f.text, language: languageId }));
    state.regions = result.regions.map(r => ({ ...r, clauseId: resolve(r.clauseId) ?? r.clauseId }));
    state.notes = result.notes || undefined;
    state.assumptions = result.assumptions.map(a => a.text);
    state.incomplete = result.incomplete?.message;
    state.status = result.incomplete ? 'Incomplete: the output below is partial.' : 'Done.';
    state.summary = summaryOf(result);
    state.actions = actionsFor(result);
    host.log.info(`Generation of ${target.name} ${result.incomplete ? `stopped (${result.incomplete.kind}): ${result.incomplete.message}` : 'finished'} in ${((Date.now() - started) / 1000).toFixed(1)} s. ${state.summary}`);
    publish(true);
    if (result.incomplete && result.incomplete.kind !== 'cancelled') {
        void vscode.window.showWarningMessage(`Allium: ${result.incomplete.message} The partial output is kept in the preview.`);
    }
}

/** The buttons a finished run offers: apply what is there; after a failure, the way forward. */
function actionsFor(result: GenerationResult): PreviewState['actions'] {
    const actions: PreviewState['actions'] = result.files.length ? [{ id: 'apply', label: result.incomplete ? 'Apply partial output…' : 'Apply…' }] : [];
    const kind = result.incomplete?.kind;
    if (kind === 'no-key' || kind === 'unauthorized') {
        actions.push({ id: 'set-key', label: 'Set API key' });
    }
    if (kind && kind !== 'no-key' && kind !== 'unauthorized') {
        actions.push({ id: 'retry', label: kind === 'max-tokens' ? 'Continue (run again)' : 'Retry' });
    }
    if (kind === 'max-tokens' || kind === 'idle-timeout' || kind === 'network') {
        actions.push({ id: 'settings', label: 'Open settings' });
    }
    return actions;
}

async function apply(host: GenerationHost, prompt: GenerationPrompt, result: GenerationResult, target: GenerationTarget, state: PreviewState, publish: (now?: boolean) => void): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(target.uris[0]);
    if (!folder) {
        void vscode.window.showErrorMessage('Allium: the spec is not in a workspace folder, so generated files have nowhere to go. Open its folder first.');
        return;
    }
    const root = vscode.Uri.joinPath(folder.uri, ...generationSettings().outputFolder.split('/'));
    const outcome = await applyGenerated(prompt, result, root);
    // The server learns of the files now rather than when the file watcher gets round to them.
    const trace = vscode.Uri.joinPath(root, '.allium', 'trace.json');
    await host.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [...outcome.applied, trace].map(uri => ({ uri: uri.toString(), type: 1 })) });
    for (const refused of outcome.refused) {
        host.log.warn(`Not applied: ${refused.path}: ${refused.reason}.`);
    }
    state.applied = outcome.applied.map(uri => ({ uri: uri.toString(), path: vscode.workspace.asRelativePath(uri) }));
    state.summary = `${summaryOf(result)} ${outcome.applied.length} file${outcome.applied.length === 1 ? '' : 's'} applied under ${vscode.workspace.asRelativePath(root)}`
        + (outcome.refused.length ? `; refused: ${outcome.refused.map(r => `${r.path} (${r.reason})`).join(', ')}.` : '.');
    publish(true);
}

function summaryOf(result: GenerationResult): string {
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
        const u = result.usage;
        parts.push(`Tokens: ${u.inputTokens} in, ${u.outputTokens} out, ${u.cacheReadTokens} cache read, ${u.cacheWriteTokens} cache write${result.cost === undefined ? '' : `; ${formatUsd(result.cost)}`}.`);
    }
    return parts.join(' ');
}

/** The clause a click in the preview names, where it is in the spec now (its range at generation time if gone). */
async function reveal(client: LanguageClient, prompt: GenerationPromptResult, clauseId: string): Promise<void> {
    const now = await resolveClause(client, clauseId).catch(() => undefined);
    const then = prompt.clauses.find(c => c.id === clauseId);
    const location = now ?? (then && new vscode.Location(vscode.Uri.parse(then.uri), new vscode.Range(then.range.start.line, then.range.start.character, then.range.end.line, then.range.end.character)));
    if (!location) {
        return;
    }
    const editor = await vscode.window.showTextDocument(location.uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(location.range.start, location.range.end);
    editor.revealRange(location.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function setKeyAndConfirm(): Promise<boolean> {
    await vscode.commands.executeCommand(Commands.setApiKey);
    return true;
}
