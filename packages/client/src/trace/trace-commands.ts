import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, MARKER_LINKS_REQUEST, RESOLVE_CLAUSE_REQUEST, sendAlliumRequest } from '@allium/generate/streaming';

interface LspLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const toRange = (r: LspLocation['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** The lens "implemented in 2 places · 5 tests" lists its locations in VS Code's peek view. */
export function registerShowLocations(): vscode.Disposable {
    return vscode.commands.registerCommand(Commands.showLocations, (uri: string, position: { line: number; character: number }, locations: LspLocation[]) =>
        vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character),
            locations.map(l => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range)))));
}

/**
 * In generated code, each `@allium-begin` marker links to its clause in the spec, wherever the clause is now: the
 * server resolves it (the client knows no spec), from the text as it is in the editor.
 */
export class MarkerLinkProvider implements vscode.DocumentLinkProvider {
    constructor(private readonly client: () => LanguageClient | undefined) {}

    async provideDocumentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
        const client = this.client();
        if (!client || !document.getText().includes('@allium-begin')) {
            return [];
        }
        const links = await sendAlliumRequest(client, MARKER_LINKS_REQUEST, { uri: document.uri.toString(), text: document.getText() });
        return links.map(link => {
            const line = document.lineAt(link.line).text;
            const at = line.indexOf(link.id);
            const range = new vscode.Range(link.line, Math.max(at, 0), link.line, at >= 0 ? at + link.id.length : line.length);
            const start = link.target.range.start;
            const target = vscode.Uri.parse(link.target.uri).with({ fragment: `L${start.line + 1},${start.character + 1}` });
            return Object.assign(new vscode.DocumentLink(range, target), { tooltip: `Open ${link.id} in the spec` });
        });
    }
}

/** Where a clause is in the spec now, for links made when it was elsewhere (the preview's). */
export async function resolveClause(client: LanguageClient, id: string): Promise<vscode.Location | undefined> {
    const found = await sendAlliumRequest(client, RESOLVE_CLAUSE_REQUEST, { id });
    return found ? new vscode.Location(vscode.Uri.parse(found.uri), toRange(found.range)) : undefined;
}
