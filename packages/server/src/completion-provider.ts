import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultCompletionProvider } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import * as ast from '@allium/language';

const DECLARATIONS = ['entity', 'external entity', 'value', 'enum', 'variant', 'rule', 'surface', 'actor', 'contract', 'invariant', 'config', 'given', 'default', 'deferred', 'use', 'open question'];
const CLAUSES: Array<[(n: AstNode) => boolean, string[]]> = [
    [ast.isRuleDecl, ['when:', 'requires:', 'ensures:', 'let', 'for', 'if', '@guidance']],
    [ast.isEntityDecl, ['transitions', 'invariant', 'open question']],
    [ast.isSurfaceDecl, ['facing', 'context', 'let', 'exposes:', 'provides:', 'contracts:', 'related:', 'timeout:', '@guarantee', '@guidance']],
    [ast.isContractDecl, ['@invariant', '@guidance']],
    [ast.isActorDecl, ['identified_by:', 'within:']]
];

/**
 * Langium's grammar-driven completion, made to fit Allium: since any word may name a field, every keyword is
 * syntactically possible at the start of a line, so there the keywords offered are those of the enclosing
 * construct (clauses in a rule, declarations at the top level); names in scope are kept as they are.
 */
export class AlliumCompletionProvider extends DefaultCompletionProvider {
    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const result = await super.getCompletion(document, params);
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const prefix = text.slice(lineStart, offset);
        if (!result || !/^\s*[A-Za-z_@]*$/.test(prefix)) {
            return result;
        }
        const keywords = this.keywordsAt(document, offset);
        const names = result.items.filter(i => i.kind !== CompletionItemKind.Keyword);
        return { ...result, items: [...keywords.map(k => this.keywordItem(k)), ...(keywords === DECLARATIONS ? [] : names)] };
    }

    private keywordsAt(document: LangiumDocument, offset: number): string[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeBeforeOffset(root, offset);
        const node = leaf?.astNode;
        for (const [is, clauses] of CLAUSES) {
            const container = node && AstUtils.getContainerOfType(node, (n): n is AstNode => is(n));
            if (container?.$cstNode && container.$cstNode.end >= offset && leaf?.text !== '}') {
                return clauses;
            }
        }
        return DECLARATIONS;
    }

    private keywordItem(keyword: string): CompletionItem {
        const block = ['entity', 'external entity', 'value', 'enum', 'rule', 'surface', 'actor', 'contract', 'invariant'].includes(keyword);
        return {
            label: keyword,
            kind: CompletionItemKind.Keyword,
            insertText: block ? `${keyword} \${1:Name} {\n    $0\n}` : keyword.endsWith(':') ? `${keyword} ` : keyword,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '0' + keyword
        };
    }
}
