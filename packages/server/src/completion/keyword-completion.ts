import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import * as ast from '@allium/language';

export const DECLARATIONS = ['entity', 'external entity', 'value', 'enum', 'variant', 'rule', 'surface', 'actor', 'contract', 'invariant', 'config', 'given', 'default', 'deferred', 'use', 'open question'];
const CLAUSES: Array<[(n: AstNode) => boolean, string[]]> = [
    [ast.isRuleDecl, ['when:', 'requires:', 'ensures:', 'let', 'for', 'if', '@guidance']],
    [ast.isEntityDecl, ['transitions', 'invariant', 'open question']],
    [ast.isSurfaceDecl, ['facing', 'context', 'let', 'exposes:', 'provides:', 'contracts:', 'related:', 'timeout:', '@guarantee', '@guidance']],
    [ast.isContractDecl, ['@invariant', '@guidance']],
    [ast.isActorDecl, ['identified_by:', 'within:']]
];
const BLOCKS = new Set(['entity', 'external entity', 'value', 'enum', 'rule', 'surface', 'actor', 'contract', 'invariant']);

/** The keywords that can start a line at `offset`: the clauses of the enclosing construct, or declarations at the top level. */
export function keywordsAt(document: LangiumDocument, offset: number): string[] {
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

export function keywordItem(keyword: string): CompletionItem {
    return {
        label: keyword,
        kind: CompletionItemKind.Keyword,
        insertText: BLOCKS.has(keyword) ? `${keyword} \${1:Name} {\n    $0\n}` : keyword.endsWith(':') ? `${keyword} ` : keyword,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: '0' + keyword
    };
}
