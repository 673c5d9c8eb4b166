import { AstUtils, type LangiumDocument } from 'langium';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { importedDocument } from '@allium/language';
import type { LangiumCoreServices } from 'langium';
import { kindWord } from './kind-words.js';

// `payments/` or `payments/Pay`: an import alias, a slash, and perhaps the start of a name.
const QUALIFIED = /(?:^|[^\w/.])([a-z_]\w*)\/(\w*)$/;

/** After `alias/`, the names the file that alias imports declares, and nothing else. */
export function qualifiedCompletion(services: LangiumCoreServices, document: LangiumDocument, offset: number): CompletionItem[] | undefined {
    const text = document.textDocument.getText();
    const match = QUALIFIED.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
    const module = document.parseResult.value;
    const use = match && ast.isModule(module) ? module.declarations.filter(ast.isUseDecl).find(u => u.name === match[1]) : undefined;
    if (!match || !use) {
        return undefined;
    }
    const imported = importedDocument(services, use)?.parseResult.value;
    const start = document.textDocument.positionAt(offset - match[2].length);
    const range = { start, end: document.textDocument.positionAt(offset) };
    return (ast.isModule(imported) ? imported.declarations : [])
        .filter((d): d is typeof d & { name: string } => !ast.isUseDecl(d) && 'name' in d && typeof d.name === 'string')
        .map(d => ({
            label: d.name,
            kind: ast.isRuleDecl(d) ? CompletionItemKind.Event : ast.isEnumDecl(d) ? CompletionItemKind.Enum : CompletionItemKind.Class,
            detail: `${kindWord(d.$type) ?? 'declaration'} in ${AstUtils.getDocument(d).uri.path.split('/').pop()}`,
            sortText: '0' + d.name,
            textEdit: { range, newText: d.name }
        }));
}
