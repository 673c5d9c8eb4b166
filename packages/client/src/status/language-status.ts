import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { sendAlliumRequest, SPEC_STATUS_REQUEST, type SpecStatus } from '@allium/generate/streaming';
import { statusView, type ServerState, type StatusView } from './status-text.js';

/**
 * The language status item of Allium files: server state and version, the diagnostics mode and the spec set of
 * the file in the editor, with a link to restart the server; the logs are one command away ("Allium: Show logs").
 */
export class LanguageStatus implements vscode.Disposable {
    private readonly item = vscode.languages.createLanguageStatusItem('allium.status', { language: 'allium' });
    private readonly subscriptions: vscode.Disposable[] = [];
    private clientSubscription: vscode.Disposable | undefined;
    private client: LanguageClient | undefined;
    /** What the item shows now, for the end-to-end tests (the extension API returns it). */
    view: StatusView | undefined;

    constructor(private readonly version: string) {
        this.item.name = 'Allium language server';
        this.item.command = { title: 'Restart server', command: 'allium.restartServer' };
        this.subscriptions.push(
            vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
            vscode.workspace.onDidChangeConfiguration(e => e.affectsConfiguration('allium') && void this.refresh()),
            vscode.workspace.onDidSaveTextDocument(() => void this.refresh())
        );
    }

    /** Follows a (new) client: its state changes redraw the item. */
    follow(client: LanguageClient): void {
        this.clientSubscription?.dispose();
        this.client = client;
        this.clientSubscription = client.onDidChangeState(() => void this.refresh());
        void this.refresh();
    }

    async refresh(): Promise<void> {
        const client = this.client;
        const state: ServerState = client?.state === State.Running ? 'running' : client?.state === State.Starting ? 'starting' : 'stopped';
        const document = vscode.window.activeTextEditor?.document;
        let status: SpecStatus | undefined;
        if (state === 'running' && client && document?.languageId === 'allium') {
            status = await sendAlliumRequest(client, SPEC_STATUS_REQUEST, { textDocument: { uri: document.uri.toString() } })
                .then(s => s, () => undefined);
        }
        if (client !== this.client) {
            return;
        }
        this.view = statusView(state, this.version, status, uri => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
        this.item.text = this.view.text;
        this.item.detail = this.view.detail;
        this.item.busy = this.view.busy;
        this.item.severity = this.view.error ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    }

    dispose(): void {
        this.clientSubscription?.dispose();
        this.subscriptions.forEach(s => s.dispose());
        this.item.dispose();
    }
}
