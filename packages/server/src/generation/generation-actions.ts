import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { declarationId, Commands, type GenerateCommandArguments } from '@allium/generate';
import * as ast from '@allium/language';

const GENERATABLE = (node: AstNode): node is ast.RuleDecl | ast.EntityDecl | ast.SurfaceDecl | ast.ContractDecl => ast.isRuleDecl(node) || ast.isEntityDecl(node) || ast.isSurfaceDecl(node) || ast.isContractDecl(node);

export function generateCommand(document: LangiumDocument, ids: string[], title: string): Command {
    const args: GenerateCommandArguments = [document.uri.toString(), ids];
    return { title, command: Commands.generate, arguments: args };
}

/** "Generate implementation" for the construct under the cursor, the constructs a selection spans, or the file. */
export function generationActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
    const module = document.parseResult.value as ast.Module;
    const start = document.textDocument.offsetAt(params.range.start);
    const end = document.textDocument.offsetAt(params.range.end);
    const selected = module.declarations.filter(d => GENERATABLE(d) && d.$cstNode && d.$cstNode.offset < Math.max(end, start + 1) && d.$cstNode.end > start);
    const actions: CodeAction[] = [];
    if (selected.length === 1 || (selected.length > 1 && start === end)) {
        const id = declarationId(selected[0])!;
        actions.push({ title: `Generate implementation for ${id.replace(':', ' ')}`, kind: 'refactor', command: generateCommand(document, [id], 'Generate implementation') });
    } else if (selected.length > 1) {
        const ids = selected.map(d => declarationId(d)!);
        actions.push({ title: `Generate implementation for the ${ids.length} selected constructs`, kind: 'refactor', command: generateCommand(document, ids, 'Generate implementation') });
    }
    const leaf = module.$cstNode && CstUtils.findLeafNodeAtOffset(module.$cstNode, start);
    if (!leaf || !AstUtils.getContainerOfType(leaf.astNode, GENERATABLE)) {
        actions.push({ title: 'Generate implementation for this file', kind: 'refactor', command: generateCommand(document, [], 'Generate implementation') });
    }
    return actions;
}
