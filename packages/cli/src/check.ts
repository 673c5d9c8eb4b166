import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { AstUtils, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices, EXTENDED_CODES, isUseDecl, usePathTarget, type AlliumServices, type Module } from '@allium/language';
import type { Diagnostic } from 'vscode-languageserver-types';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, in the shape of the reference CLI's JSON output. */
export interface Finding {
    file: string;
    line: number;
    column: number;
    severity: Severity;
    code: string | null;
    message: string;
}

/** Expands files and directories (recursively) into the `.allium` files they name, sorted for stable output. */
export async function resolveInputs(inputs: string[]): Promise<string[]> {
    const found = new Set<string>();
    async function visit(p: string): Promise<void> {
        const stat = await fs.stat(p).catch(() => undefined);
        if (!stat) {
            return;
        }
        if (stat.isDirectory()) {
            for (const entry of await fs.readdir(p)) {
                if (entry !== 'node_modules' && !entry.startsWith('.')) {
                    await visit(path.join(p, entry));
                }
            }
        } else if (p.endsWith('.allium')) {
            found.add(path.resolve(p));
        }
    }
    for (const input of inputs) {
        await visit(input);
    }
    return [...found].sort();
}

/**
 * Checks files with one set of services. Each `check` call checks its files together, so `use` imports between
 * them resolve; files they import are loaded through the file system but only the given files are reported.
 * Documents are removed afterwards, so consecutive calls are independent.
 */
export class Checker {
    /** `extended`: also report what only JUXT's editor extension checks, beyond its `allium check`. */
    constructor(readonly services: AlliumServices = createAlliumCoreServices(NodeFileSystem).Allium, readonly extended = false) {}

    async check(files: string[], relativeTo = process.cwd()): Promise<Finding[]> {
        const perFile = await this.inspect(files, relativeTo, (_document, findings) => findings);
        return perFile.flat().sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    }

    /**
     * Checks the files together, as `check` does, and hands each given file's document and findings to `visit`
     * while the documents are still built (linked and validated); returns what `visit` returns, file by file.
     */
    async inspect<T>(files: string[], relativeTo: string, visit: (document: LangiumDocument, findings: Finding[]) => T): Promise<T[]> {
        const workspace = this.services.shared.workspace;
        const documents: LangiumDocument[] = [];
        for (const file of files) {
            documents.push(await workspace.LangiumDocuments.getOrCreateDocument(URI.file(file)));
        }
        try {
            await workspace.DocumentBuilder.build([...documents, ...await this.imports(documents)], { validation: true });
            return documents.map(document => {
                const file = path.relative(relativeTo, document.uri.fsPath) || document.uri.fsPath;
                const findings = (document.diagnostics ?? [])
                    .filter(diagnostic => this.extended || !EXTENDED_CODES.has(String(diagnostic.code)))
                    .map(diagnostic => toFinding(file, diagnostic));
                return visit(document, findings);
            });
        } finally {
            for (const uri of [...workspace.LangiumDocuments.all.map(d => d.uri)]) {
                workspace.LangiumDocuments.deleteDocument(uri);
            }
        }
    }

    /** Files reachable through `use "./..."` from the given documents, loaded so qualified names resolve. */
    private async imports(documents: LangiumDocument[]): Promise<LangiumDocument[]> {
        const workspace = this.services.shared.workspace;
        const seen = new Set(documents.map(d => d.uri.toString()));
        const queue = [...documents];
        const loaded: LangiumDocument[] = [];
        while (queue.length > 0) {
            const module = queue.shift()!.parseResult.value as Module;
            for (const use of module.declarations.filter(isUseDecl)) {
                const imported = usePathTarget(AstUtils.getDocument(use).uri, use.path);
                if (imported && !seen.has(imported.toString()) && existsSync(imported.fsPath)) {
                    seen.add(imported.toString());
                    const document = await workspace.LangiumDocuments.getOrCreateDocument(imported);
                    loaded.push(document);
                    queue.push(document);
                }
            }
        }
        return loaded;
    }
}

function toFinding(file: string, diagnostic: Diagnostic): Finding {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
        code: typeof diagnostic.code === 'string' ? diagnostic.code : null,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}
