import * as vscode from 'vscode';
import type { FromWebview, ToWebview } from './preview-protocol.js';

/** The webview beside the spec. Strict CSP: only the bundled preview script, by nonce; model text is escaped there. */
export class PreviewPanel {
    private readonly panel: vscode.WebviewPanel;
    private pending: ToWebview | undefined;
    private timer: NodeJS.Timeout | undefined;

    constructor(context: vscode.ExtensionContext, title: string, onMessage: (message: FromWebview) => void) {
        this.panel = vscode.window.createWebviewPanel('allium.generationPreview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: true,
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'client')]
        });
        const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'out', 'client', 'preview.js'));
        const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
        const csp = `default-src 'none'; style-src ${this.panel.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';`;
        this.panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"></head>
<body><div id="status"></div><div id="toolbar"><button id="cancel">Cancel</button><button id="save" disabled>Save to workspace</button></div><div id="files"></div><div id="summary"></div>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
        this.panel.webview.onDidReceiveMessage(onMessage);
    }

    get onDidDispose(): vscode.Event<void> {
        return this.panel.onDidDispose;
    }

    /** Coalesces state updates so a fast stream does not flood the webview. */
    post(message: ToWebview, immediately = false): void {
        if (message.type !== 'state') {
            void this.panel.webview.postMessage(message);
            return;
        }
        this.pending = message;
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
            void this.panel.webview.postMessage(this.pending);
            this.pending = undefined;
        }
    }
}
