import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE_NAME } from '@allium/language';
import { URI, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, type FileEvent, type InitializeParams } from 'vscode-languageserver';

const SETTLE_MS = 100;
const IGNORED = /[\\/](node_modules|\.git)([\\/]|$)/;

/**
 * Keeps the workspace index current when the editor does not report file changes: VS Code and Emacs watch the
 * folders for the server, but Helix and Neovim on Linux do not offer to. Then the server watches the open
 * folders itself and feeds what changes to Langium as if the editor had reported it.
 */
export function watchFoldersUnlessEditorDoes(shared: LangiumSharedServices): void {
    let folders: string[] = [];
    let editorWatches = false;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        editorWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
        const roots = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
        folders = roots.map(uri => URI.parse(uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!editorWatches && folders.length > 0) {
            watchFolders(shared, folders);
        }
    });
}

function watchFolders(shared: LangiumSharedCoreServices & Pick<LangiumSharedServices, 'lsp'>, folders: string[]): FSWatcher {
    let pending: FileEvent[] = [];
    let timer: NodeJS.Timeout | undefined;
    const report = (type: FileChangeType) => (path: string) => {
        if (!path.endsWith('.allium') && basename(path) !== CONFIG_FILE_NAME) {
            return;
        }
        pending.push({ uri: URI.file(path).toString(), type });
        // An editor's save or a checkout touches many files at once; Langium rebuilds once for them all.
        clearTimeout(timer);
        timer = setTimeout(() => {
            const changes = pending;
            pending = [];
            shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
        }, SETTLE_MS);
    };
    // Links are not followed: one back to a parent folder would be watched round and round.
    return watch(folders, { ignoreInitial: true, followSymlinks: false, ignored: path => IGNORED.test(path) })
        .on('add', report(FileChangeType.Created))
        .on('change', report(FileChangeType.Changed))
        .on('unlink', report(FileChangeType.Deleted))
        // A watcher that fails (too many folders for inotify, say) costs updates, not the server.
        .on('error', error => shared.lsp.Connection?.console.warn(`Allium: watching ${folders.join(', ')} failed: ${String(error)}`));
}
