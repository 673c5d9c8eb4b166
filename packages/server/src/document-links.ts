import { UriUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, Range } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { lineText } from './quick-fixes/edits.js';

/** The `-- see: path` hint the language reference puts after a deferred specification. */
const SEE_HINT = /--\s*see:\s*(\S+)/;

/**
 * The files a spec points at become links: `use "./x.allium"` paths and the location hints of deferred
 * specifications (`deferred X.y "detailed/x.allium"` or `-- see: detailed/x.allium`). Relative paths resolve against
 * the spec's folder, as imports do; web addresses open as they are. Content-addressed `use` paths
 * (`github.com/org/spec/abc123`) name no file here, so they get no link.
 */
export class AlliumDocumentLinkProvider implements DocumentLinkProvider {
    getDocumentLinks(document: LangiumDocument): MaybePromise<DocumentLink[]> {
        const module = document.parseResult.value as ast.Module;
        const links: DocumentLink[] = [];
        for (const declaration of module.declarations) {
            const cst = declaration.$cstNode;
            if (!cst) {
                continue;
            }
            if (ast.isUseDecl(declaration)) {
                this.pushLink(links, document, declaration.path, this.quotedRange(document, cst.offset, cst.end, declaration.path));
            } else if (ast.isDeferredDecl(declaration)) {
                if (declaration.hint) {
                    const hint = declaration.hint;
                    this.pushLink(links, document, hint, this.quotedRange(document, cst.offset, cst.end, hint));
                } else {
                    this.pushSeeHint(links, document, cst.range.end.line);
                }
            }
        }
        return links;
    }

    private pushSeeHint(links: DocumentLink[], document: LangiumDocument, line: number): void {
        const match = SEE_HINT.exec(lineText(document, line));
        if (match) {
            const character = match.index + match[0].length - match[1].length;
            this.pushLink(links, document, match[1], { start: { line, character }, end: { line, character: character + match[1].length } });
        }
    }

    /** The range of `path` between its quotes inside the declaration's text. */
    private quotedRange(document: LangiumDocument, start: number, end: number, path: string): Range | undefined {
        const at = document.textDocument.getText().slice(start, end).indexOf(`"${path}"`);
        if (at < 0) {
            return undefined;
        }
        const offset = start + at + 1;
        return { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(offset + path.length) };
    }

    private pushLink(links: DocumentLink[], document: LangiumDocument, path: string, range: Range | undefined): void {
        const target = this.target(document, path);
        if (range && target) {
            links.push({ range, target, tooltip: target.startsWith('file:') ? 'Open the spec' : 'Open the page' });
        }
    }

    private target(document: LangiumDocument, path: string): string | undefined {
        if (/^https?:\/\//.test(path)) {
            return path;
        }
        if (path.startsWith('./') || path.startsWith('../') || /^[\w-]+(\/[\w.-]+)*\.allium$/.test(path)) {
            return UriUtils.resolvePath(UriUtils.dirname(document.uri), path).toString();
        }
        return undefined;
    }
}
