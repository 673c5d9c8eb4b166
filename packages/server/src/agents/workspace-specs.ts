import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { InitializeParams } from 'vscode-languageserver';
import { AgentToolError, agentToolErrors } from '@allium/generate';

/**
 * The specs an agent tool's `paths` name, as the server has them (with the editor's unsaved changes), resolved
 * against the first workspace folder: a file, or every spec of the workspace under a folder.
 */
export class WorkspaceSpecs {
    private folders: string[] = [];

    constructor(private readonly shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
            const roots = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
            this.folders = roots.map(uri => URI.parse(uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
        });
    }

    /** What relative paths are relative to. */
    get root(): string {
        return this.folders[0] ?? process.cwd();
    }

    /** A file or folder as the tools name it: relative to the root when under it (the root itself is `.`). */
    relative(file: string): string {
        const relative = path.relative(this.root, file);
        return relative === '' ? '.' : !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    }

    relativeUri = (uri: string): string => this.relative(URI.parse(uri).fsPath);

    /** A folder the tools may name, resolved; an error when it is no folder. */
    async folder(input: string | undefined): Promise<string> {
        const folder = path.resolve(this.root, input ?? '.');
        if (!(await fs.stat(folder).catch(() => undefined))?.isDirectory()) {
            throw new AgentToolError(agentToolErrors.notAFolder(input ?? folder));
        }
        return folder;
    }

    /** The validated documents the paths name (the whole workspace when none), sorted by path. */
    async documents(paths: string[] | undefined): Promise<LangiumDocument[]> {
        const { workspace } = this.shared;
        await workspace.WorkspaceManager.ready;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        const inputs = paths?.length ? paths : [this.root];
        const found = new Map<string, LangiumDocument>();
        const skipped: string[] = [];
        for (const input of inputs) {
            const target = path.resolve(this.root, input);
            const stat = await fs.stat(target).catch(() => undefined);
            if (!stat) {
                throw new AgentToolError(agentToolErrors.noSuchPath(input, this.root));
            }
            if (stat.isDirectory()) {
                // The workspace's specs under it: those the server indexes and checks, as the Problems view shows them.
                for (const document of workspace.LangiumDocuments.all) {
                    if (document.uri.scheme === 'file' && document.uri.fsPath.startsWith(target + path.sep) && document.uri.fsPath.endsWith('.allium')) {
                        found.set(document.uri.toString(), document);
                    }
                }
            } else if (!target.endsWith('.allium') || !stat.isFile()) {
                skipped.push(`${input} is not an Allium file (.allium)`);
            } else {
                const document = await workspace.LangiumDocuments.getOrCreateDocument(URI.file(target));
                found.set(document.uri.toString(), document);
            }
        }
        const documents = [...found.values()].sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
        if (documents.length === 0) {
            throw new AgentToolError(agentToolErrors.noSpecs(inputs, skipped));
        }
        const unbuilt = documents.filter(d => d.state < DocumentState.Validated);
        if (unbuilt.length > 0) {
            await workspace.DocumentBuilder.build(unbuilt, { validation: true });
        }
        return documents;
    }
}
