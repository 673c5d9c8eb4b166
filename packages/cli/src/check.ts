import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { ALL_CATEGORIES, isUseDecl, IssueCodes, REFERENCE_CATEGORIES, usePathTarget, type AlliumServices, type Declaration, type Module, type UseDecl } from '@allium/language';
import { unreadableUseMessage, useTargetProblem } from '@allium/language/node';
import { declarationId } from '@allium/generate';
import type { Diagnostic } from 'vscode-languageserver-types';
import { coreServices } from './core-services.js';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, in the shape of the reference CLI's JSON output. */
export interface Finding {
    file: string;
    line: number;
    column: number;
    severity: Severity;
    code: string | null;
    message: string;
    /**
     * The id of the top-level declaration the finding is in (`rule:ShipOrder`), where it is in one: what a baseline
     * matches on besides code, file and message, since line numbers move with every edit above.
     */
    declaration?: string;
}

/**
 * Checks files with one set of services. Each `check` call checks its files together, so `use` imports between
 * them resolve; files they import are loaded through the file system but only the given files are reported.
 * Documents are removed afterwards, so consecutive calls are independent.
 */
export class Checker {
    /** `extended`: also report what only JUXT's editor extension checks, beyond its `allium check`. */
    constructor(readonly services: AlliumServices = coreServices(), readonly extended = false) {}

    async check(files: string[], relativeTo = process.cwd(), unreadable?: (file: string, reason: string) => void): Promise<Finding[]> {
        const perFile = await this.inspect(files, relativeTo, (_document, findings) => findings, unreadable);
        return perFile.flat().sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    }

    /**
     * Checks the files together, as `check` does, and hands each given file's document and findings to `visit`
     * while the documents are still built (linked and validated); returns what `visit` returns, file by file.
     * A file that cannot be read (not UTF-8, gone since it was listed) is left out and handed to `unreadable` with
     * the reason, so that one such file in a folder does not stop the check of the others; without `unreadable`, the
     * read error is thrown.
     */
    async inspect<T>(files: string[], relativeTo: string, visit: (document: LangiumDocument, findings: Finding[]) => T,
        unreadable?: (file: string, reason: string) => void): Promise<T[]> {
        const workspace = this.services.shared.workspace;
        const documents: LangiumDocument[] = [];
        for (const file of files) {
            try {
                documents.push(await workspace.LangiumDocuments.getOrCreateDocument(URI.file(file)));
            } catch (error) {
                if (!unreadable) {
                    throw error;
                }
                unreadable(path.relative(relativeTo, file) || file, error instanceof Error ? error.message : String(error));
            }
        }
        try {
            // Imports that cannot be read are findings on the `use` lines of the files given.
            await workspace.DocumentBuilder.build(documents, { validation: { categories: [...(this.extended ? ALL_CATEGORIES : REFERENCE_CATEGORIES)] } });
            const badImports = this.badImports(documents, relativeTo);
            return documents.map(document => {
                const file = path.relative(relativeTo, document.uri.fsPath) || document.uri.fsPath;
                const enclosing = declarationAt(document.parseResult.value as Module);
                const findings = (document.diagnostics ?? [])
                    .map(diagnostic => toFinding(file, diagnostic))
                    .concat(badImports.filter(f => f.file === file))
                    .map(finding => withDeclaration(finding, enclosing));
                return visit(document, findings);
            });
        } finally {
            for (const uri of [...workspace.LangiumDocuments.all.map(d => d.uri)]) {
                workspace.LangiumDocuments.deleteDocument(uri);
            }
        }
    }

    /**
     * Findings for the `use` lines of the given documents whose target exists but cannot be a spec (a directory, another
     * kind of file, a device or pipe). The targets that can be are loaded by the document builder
     * (ImportLoadingDocumentBuilder); an absent one imports nothing, as in the reference checker.
     */
    private badImports(documents: LangiumDocument[], relativeTo: string): Finding[] {
        return documents.flatMap(document => (document.parseResult.value as Module).declarations.filter(isUseDecl).flatMap(use => {
            const imported = usePathTarget(document.uri, use.path);
            const problem = imported?.scheme === 'file' ? useTargetProblem(imported.fsPath) : undefined;
            return problem ? [badUse(use, document.uri, problem, relativeTo)] : [];
        }));
    }
}

function withDeclaration(finding: Finding, enclosing: (line: number) => Declaration | undefined): Finding {
    const declaration = enclosing(finding.line - 1);
    const id = declaration && declarationId(declaration);
    return id ? { ...finding, declaration: id } : finding;
}

/**
 * The top-level declaration holding a (0-based) line, found by binary search: a spec can have thousands of
 * declarations and tens of thousands of findings, and a scan per finding made a 1 MB spec's check quadratic. The
 * declarations follow each other in the text, so their last lines ascend, and the first whose last line is at or after
 * the line is the only one that can hold it.
 */
function declarationAt(module: Module): (line: number) => Declaration | undefined {
    const spans = module.declarations.flatMap(d => d.$cstNode ? [{ declaration: d, start: d.$cstNode.range.start.line, end: d.$cstNode.range.end.line }] : []);
    return line => {
        let low = 0;
        let high = spans.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (spans[middle].end < line) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        const span = spans[low];
        return span && span.start <= line ? span.declaration : undefined;
    };
}

function badUse(use: UseDecl, file: URI, problem: string, relativeTo: string): Finding {
    const start = use.$cstNode?.range.start ?? { line: 0, character: 0 };
    return {
        file: path.relative(relativeTo, file.fsPath) || file.fsPath,
        line: start.line + 1,
        column: start.character + 1,
        severity: 'error',
        code: IssueCodes.UseUnreadable,
        message: unreadableUseMessage(use.path, problem)
    };
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
