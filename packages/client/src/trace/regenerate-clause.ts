import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    Commands, parseTraceRecord, promptIdResolver, recordGeneration, REGENERATION_PROMPT_REQUEST, runGeneration, sendAlliumRequest, serialiseTraceRecord, textWithMarkers, TRACE_FILE
} from '@allium/generate/streaming';
import { apiKey, generationSettings } from '../generation/generation-settings.js';

/**
 * "Regenerate this clause": asks the server for the prompt of the changed clause (its current code as context),
 * streams the answer through the same core as every generation, and offers the new region in place of the old one
 * in the refactor preview. Once applied, the trace record takes the clause's new fingerprint, so the drift finding
 * goes.
 */
export async function regenerateClause(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel, clauseId: string): Promise<void> {
    const key = await apiKey(context);
    if (!key) {
        if (await vscode.window.showErrorMessage('No Anthropic API key is set for Allium generation.', 'Set API key')) {
            await vscode.commands.executeCommand(Commands.setApiKey);
        }
        return;
    }
    const config = generationSettings();
    const { prompt, region } = await sendAlliumRequest(client, REGENERATION_PROMPT_REQUEST, { id: clauseId, targetLanguage: config.targetLanguage, extraInstructions: config.extraInstructions });
    log.info(`Regenerating ${clauseId} (${region.path}:${region.beginLine + 1}) with ${config.model}.`);
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Allium: regenerating ${clauseId}`, cancellable: true }, (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return runGeneration(prompt, { apiKey: key, baseURL: config.baseUrl || undefined, model: config.model, maxTokens: config.maxTokens, signal: controller.signal });
    });
    const resolve = promptIdResolver(prompt);
    const file = result.files.find(f => result.regions.some(r => r.file === f.path && resolve(r.clauseId) === clauseId));
    if (result.incomplete || !file) {
        void vscode.window.showWarningMessage(`Allium: ${result.incomplete?.message ?? `the answer holds no region for ${clauseId}`}; nothing was changed.`);
        return;
    }
    const text = textWithMarkers(file, result.regions.filter(r => r.file === file.path), resolve);
    const uri = vscode.Uri.parse(region.uri);
    const edit = new vscode.WorkspaceEdit();
    const metadata = { needsConfirmation: true, label: `Allium: regenerate ${clauseId}`, description: region.path };
    edit.replace(uri, new vscode.Range(region.beginLine, 0, region.endLine + 1, 0), text.endsWith('\n') ? text : `${text}\n`, metadata);
    const traceUri = await traceRecordOf(uri);
    if (traceUri) {
        const parsed = parseTraceRecord(new TextDecoder().decode(await vscode.workspace.fs.readFile(traceUri)));
        if (!('error' in parsed)) {
            const record = recordGeneration(parsed, prompt, { model: result.model, generatedAt: new Date().toISOString(), regions: [{ clauseId, file: region.path }] });
            const document = await vscode.workspace.openTextDocument(traceUri);
            edit.replace(traceUri, new vscode.Range(0, 0, document.lineCount, 0), serialiseTraceRecord(record), { ...metadata, description: TRACE_FILE });
        }
    }
    if (await vscode.workspace.applyEdit(edit)) {
        log.info(`Regenerated ${clauseId}.`);
        const changed = traceUri ? [uri, traceUri] : [uri];
        await client.sendNotification('workspace/didChangeWatchedFiles', { changes: changed.map(u => ({ uri: u.toString(), type: 2 })) });
    }
}

/** The trace record of the output root a code file is under: the nearest `.allium/trace.json` up from it. */
async function traceRecordOf(file: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(file);
    for (let dir = vscode.Uri.joinPath(file, '..'); folder && dir.path.startsWith(folder.uri.path); dir = vscode.Uri.joinPath(dir, '..')) {
        const candidate = vscode.Uri.joinPath(dir, ...TRACE_FILE.split('/'));
        if (await vscode.workspace.fs.stat(candidate).then(() => true, () => false)) {
            return candidate;
        }
        if (dir.path === folder.uri.path) {
            break;
        }
    }
    return undefined;
}
