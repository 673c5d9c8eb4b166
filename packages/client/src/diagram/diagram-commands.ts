import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramKind } from '@allium/diagram/protocol';
import { DiagramPanel } from './diagram-panel.js';

/** "Allium: Show diagram" for the active spec (or the file the explorer names): one panel per spec file. */
export function registerDiagramCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
    const panels = new Map<string, DiagramPanel>();
    return vscode.commands.registerCommand('allium.showDiagram', (uri?: vscode.Uri | string, kind: DiagramKind = 'states') => {
        const spec = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
        if (!spec || !spec.path.endsWith('.allium')) {
            void vscode.window.showWarningMessage('Allium: open an .allium file to show its diagram.');
            return;
        }
        const key = spec.toString();
        const open = panels.get(key);
        if (open) {
            open.show(kind);
            return;
        }
        const panel = new DiagramPanel(context, client, log, spec, kind);
        panels.set(key, panel);
        panel.onDidDispose(() => panels.delete(key));
    });
}
