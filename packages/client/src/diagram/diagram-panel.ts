import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGRAM_REQUEST, sendAlliumRequest, type DiagramKind, type DiagramResult, type DiagramTarget } from '@allium/generate/streaming';
import type { FromDiagramWebview, ToDiagramWebview } from './diagram-messages.js';

/** What a panel draws: one spec file, or the spec set of a folder (every file under it), and what it is called. */
export interface DiagramSpecs {
    uris: vscode.Uri[];
    name: string;
    /** Where an export is offered: the file without `.allium`, or `<folder>/<folder name>`. */
    base: vscode.Uri;
}

/** How long the diagram waits after the last keystroke before it is drawn again. */
const REDRAW_DELAY_MS = 300;

/**
 * "Allium: Show diagram": a webview beside the spec with the server's SVG of its state machines or its event flow.
 * Strict CSP: the bundled script by nonce, the bundled stylesheet, nothing remote; the SVG is drawn by the server
 * from the spec (names are escaped there). It follows edits of any spec (an imported file changes the picture too),
 * and a click opens what the clicked part declares.
 */
export class DiagramPanel {
    private readonly panel: vscode.WebviewPanel;
    private targets: DiagramTarget[] = [];
    private timer: NodeJS.Timeout | undefined;
    /** An edit came while the panel was hidden: it is drawn when the panel shows again. */
    private stale = false;
    /** Requests answered out of order must not draw an older picture over a newer one. */
    private drawn = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(context: vscode.ExtensionContext, private readonly client: () => LanguageClient | undefined,
                private readonly log: vscode.LogOutputChannel, private readonly target: DiagramSpecs, private kind: DiagramKind) {
        const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'client');
        this.panel = vscode.window.createWebviewPanel('allium.diagram', `Diagram: ${target.name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [root]
        });
        const webview = this.panel.webview;
        const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
        const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';`;
        webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'diagram.css'))}"></head>
<body><div id="toolbar" role="toolbar">
<button id="kind-states" data-kind="states">States</button><button id="kind-flow" data-kind="flow">Event flow</button>
<span class="gap"></span><button id="zoom-out" title="Zoom out">−</button><button id="zoom-fit" title="Fit">Fit</button><button id="zoom-in" title="Zoom in">+</button>
<button id="export" title="Save the diagram as an SVG file">Export SVG</button><span id="summary" role="status"></span></div>
<div id="viewport"><div id="canvas"></div></div><div id="error" role="alert"></div>
<script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(root, 'diagram.js'))}"></script></body></html>`;
        this.disposables.push(
            webview.onDidReceiveMessage((message: FromDiagramWebview) => this.onMessage(message)),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'allium' && event.contentChanges.length > 0) {
                    this.redrawSoon();
                }
            }),
            vscode.workspace.onDidSaveTextDocument(document => document.languageId === 'allium' && this.redrawSoon()),
            this.panel.onDidChangeViewState(() => {
                if (this.panel.visible && this.stale) {
                    this.stale = false;
                    void this.redraw();
                }
            })
        );
        this.panel.onDidDispose(() => {
            clearTimeout(this.timer);
            this.disposables.forEach(d => d.dispose());
        });
    }

    get onDidDispose(): vscode.Event<void> {
        return this.panel.onDidDispose;
    }

    show(kind: DiagramKind): void {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        if (kind !== this.kind) {
            this.kind = kind;
            void this.redraw();
        }
    }

    private redrawSoon(): void {
        clearTimeout(this.timer);
        if (!this.panel.visible) {
            this.stale = true;
            return;
        }
        this.timer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
    }

    private async request(standalone: boolean): Promise<DiagramResult> {
        const client = this.client();
        if (!client) {
            throw new Error('the Allium language server is not running');
        }
        return sendAlliumRequest(client, DIAGRAM_REQUEST, { uris: this.target.uris.map(u => u.toString()), kind: this.kind, format: 'svg', standalone });
    }

    private async redraw(): Promise<void> {
        const ticket = ++this.drawn;
        try {
            const result = await this.request(false);
            if (ticket !== this.drawn) {
                return;
            }
            this.targets = result.targets;
            const summary = result.kind === 'states'
                ? `${result.groups} state machine${result.groups === 1 ? '' : 's'} · ${result.nodes} nodes · ${result.edges} edges`
                : `${result.nodes} nodes · ${result.edges} edges`;
            this.post({ type: 'diagram', kind: result.kind, svg: result.text, summary });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.log.error(`Diagram of ${this.target.name} failed: ${message}`);
            this.post({ type: 'error', message: `The diagram could not be drawn: ${message}` });
        }
    }

    private post(message: ToDiagramWebview): void {
        void this.panel.webview.postMessage(message);
    }

    private async onMessage(message: FromDiagramWebview): Promise<void> {
        if (message.type === 'ready') {
            await this.redraw();
        } else if (message.type === 'kind') {
            this.kind = message.kind;
            await this.redraw();
        } else if (message.type === 'open') {
            const target = this.targets[message.target];
            if (target) {
                const range = new vscode.Range(target.range.start.line, target.range.start.character, target.range.end.line, target.range.end.character);
                // Beside the diagram: in the spec's column when it is open, else the first.
                const open = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === target.uri);
                await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { viewColumn: open?.viewColumn ?? vscode.ViewColumn.One, selection: range });
            }
        } else if (message.type === 'export') {
            await this.export();
        }
    }

    private async export(): Promise<void> {
        const destination = await vscode.window.showSaveDialog({
            defaultUri: this.target.base.with({ path: `${this.target.base.path}.${this.kind}.svg` }), filters: { SVG: ['svg'] }
        });
        if (!destination) {
            return;
        }
        try {
            const result = await this.request(true);
            await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.text));
            void vscode.window.showInformationMessage(`Allium: diagram saved to ${vscode.workspace.asRelativePath(destination)}.`);
        } catch (error) {
            void vscode.window.showErrorMessage(`Allium: the diagram could not be saved: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}
