import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DiagramKind } from '@allium/generate/streaming';
import { DiagramPanel, type DiagramSpecs } from './diagram-panel.js';

/**
 * "Allium: Show diagram" for the active spec, the file the explorer or the title bar names, or a folder's spec set
 * (every `.allium` file under it): one panel per file or folder.
 */
export function registerDiagramCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel): vscode.Disposable {
    const panels = new Map<string, DiagramPanel>();
    return vscode.commands.registerCommand('allium.showDiagram', async (uri?: vscode.Uri | string, kind: DiagramKind = 'states') => {
        const chosen = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? vscode.window.activeTextEditor?.document.uri;
        const specs = chosen && await specsOf(chosen);
        if (!specs) {
            void vscode.window.showWarningMessage('Allium: open an .allium file, or pick a folder holding some, to show its diagram.');
            return;
        }
        const key = chosen.toString();
        const open = panels.get(key);
        if (open) {
            open.show(kind);
            return;
        }
        const panel = new DiagramPanel(context, client, log, specs, kind);
        panels.set(key, panel);
        panel.onDidDispose(() => panels.delete(key));
    });
}

async function specsOf(uri: vscode.Uri): Promise<DiagramSpecs | undefined> {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (uri.path.endsWith('.allium')) {
        return { uris: [uri], name, base: uri.with({ path: uri.path.replace(/\.allium$/, '') }) };
    }
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat?.type !== vscode.FileType.Directory) {
        return undefined;
    }
    const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.allium'), '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
    return uris.length === 0 ? undefined : { uris, name: `${vscode.workspace.asRelativePath(uri)}/`, base: vscode.Uri.joinPath(uri, name) };
}
