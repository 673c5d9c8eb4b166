import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver';
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

/**
 * A keyword, and for a declaration with a template, the whole declaration first (`rule` with its trigger, requires,
 * ensures and guidance), as a snippet; the bare keyword opens an empty block.
 */
export function keywordItems(keyword: string): CompletionItem[] {
    const bare: CompletionItem = {
        label: keyword,
        kind: CompletionItemKind.Keyword,
        insertText: BLOCKS.has(keyword) ? `${keyword} \${1:Name} {\n    $0\n}` : keyword.endsWith(':') ? `${keyword} ` : keyword,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `0${keyword}1`
    };
    const template = TEMPLATES[keyword];
    return template ? [{
        label: keyword, kind: CompletionItemKind.Snippet, detail: template.detail, insertText: template.body.join('\n'),
        insertTextFormat: InsertTextFormat.Snippet, sortText: `0${keyword}0`
    }, bare] : [bare];
}

/** Whole declarations, as the language reference writes them. */
const TEMPLATES: Record<string, { detail: string; body: string[] }> = {
    rule: {
        detail: 'rule with trigger, requires, ensures and guidance',
        body: ['rule ${1:ShipOrder} {', '    when: ${2:$1}(${3:order})', '    requires: $3.status = ${4:pending}', '    ensures: $3.status = ${5:shipped}', '',
            '    @guidance', '        -- ${6:How an implementation should go about it.}', '}']
    },
    entity: {
        detail: 'entity with a status lifecycle',
        body: ['entity ${1:Order} {', '    ${2:customer}: ${3:Customer}', '    status: ${4:pending} | ${5:active} | ${6:closed}', '', '    transitions status {',
            '        $4 -> $5', '        $5 -> $6', '        terminal: $6', '    }', '}']
    },
    surface: {
        detail: 'surface facing an actor, with exposes and provides',
        body: ['surface ${1:CustomerOrders} {', '    facing ${2:customer}: ${3:Customer}', '    context ${4:order}: ${5:Order} where $4.customer = $2', '',
            '    exposes:', '        $4.status', '', '    provides:', '        ${6:CancelOrder}($2, $4)', '}']
    },
    contract: {
        detail: 'contract with a signature and an invariant',
        body: ['contract ${1:Codec} {', '    ${2:encode}: (${3:value}: ${4:Any}) -> ${5:ByteArray}', '', '    @invariant ${6:Deterministic}',
            '        -- ${7:The same input always produces the same output.}', '}']
    },
    invariant: {
        detail: 'invariant over a collection',
        body: ['invariant ${1:NonNegativeBalance} {', '    for ${2:account} in ${3:Accounts}:', '        $2.${4:balance} >= 0', '}']
    }
};
