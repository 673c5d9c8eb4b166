import * as vscode from 'vscode';
import type { FromWebview, PreviewState, ToWebview } from './preview-protocol.js';
import { PreviewDelta } from './preview-delta.js';

/**
 * The webview beside the spec. Strict CSP: only the bundled preview script, by nonce; model text is escaped there.
 * One panel per generation target: a new run of the same target takes the panel over (and its message handler).
 */
export class PreviewPanel {
    private readonly panel: vscode.WebviewPanel;
    private pending: PreviewState | undefined;
    private readonly delta = new PreviewDelta();
    private timer: NodeJS.Timeout | undefined;
    private handler: (message: FromWebview) => void = () => undefined;

    constructor(context: vscode.ExtensionContext, title: string) {
        this.panel = vscode.window.createWebviewPanel('allium.generationPreview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'client')]
        });
        const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'out', 'client', 'preview.js'));
        const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
        const csp = `default-src 'none'; style-src ${this.panel.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';`;
        this.panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"></head>
<body><div id="status" role="status"></div><div id="toolbar"><button id="cancel">Cancel</button><span id="actions"></span></div><div id="notes"></div><div id="files"></div><div id="summary"></div>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
        this.panel.webview.onDidReceiveMessage(message => this.handler(message as FromWebview));
    }

    get onDidDispose(): vscode.Event<void> {
        return this.panel.onDidDispose;
    }

    /** A new run takes the panel over: its handler answers the webview, and its output replaces the last one's. */
    onMessage(handler: (message: FromWebview) => void): void {
        this.handler = handler;
        this.delta.reset();
        void this.panel.webview.postMessage({ type: 'delta', status: '', done: false, actions: [], files: [], regions: [], regionCount: 0 } satisfies ToWebview);
        this.panel.reveal(vscode.ViewColumn.Beside, true);
    }

    highlight(clauseIds: string[]): void {
        void this.panel.webview.postMessage({ type: 'highlight', clauseIds } satisfies ToWebview);
    }

    /** Coalesces updates so a fast stream does not flood the webview; each carries only what changed (preview-delta.ts). */
    show(state: PreviewState, immediately = false): void {
        this.pending = state;
        if (immediately) {
            this.flush();
        } else {
            this.timer ??= setTimeout(() => this.flush(), 40);
        }
    }

    private flush(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        if (this.pending) {
            void this.panel.webview.postMessage(this.delta.next(this.pending));
            this.pending = undefined;
        }
    }
}
