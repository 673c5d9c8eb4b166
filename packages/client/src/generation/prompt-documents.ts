import * as vscode from 'vscode';

/** Read-only documents for "Preview generation prompt": nothing to save, nothing asks to be saved on close. */
export class PromptDocuments implements vscode.TextDocumentContentProvider {
    static readonly scheme = 'allium-prompt';
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '';
    }

    /** Shows `content` beside the editor under a name saying what it is the prompt of. */
    async show(name: string, content: string): Promise<void> {
        const uri = vscode.Uri.from({ scheme: PromptDocuments.scheme, path: `/${name.replace(/[^\w.-]+/g, '_')}.prompt.md` });
        this.contents.set(uri.toString(), content);
        this.changed.fire(uri);
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
}
