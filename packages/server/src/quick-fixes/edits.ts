import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import * as ast from '@allium/language';

export function quickFix(title: string, node: AstNode, edits: TextEdit[], diagnostic?: Diagnostic, isPreferred = false): CodeAction {
    return {
        title,
        kind: 'quickfix',
        ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
        isPreferred,
        edit: { changes: { [AstUtils.getDocument(node).uri.toString()]: edits } }
    };
}

const SAFE = new WeakSet<CodeAction>();

/** Marks a fix that only completes what the spec already says (a misspelt value, an explicit lambda), for "fix all". */
export function safe(action: CodeAction): CodeAction {
    SAFE.add(action);
    return action;
}

export function isSafe(action: CodeAction | undefined): boolean {
    return action !== undefined && SAFE.has(action);
}

export function insertAt(position: Position, newText: string): TextEdit {
    return { range: { start: position, end: position }, newText };
}

/** The leading whitespace of the line a node starts on. */
export function indentOf(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const start = node.$cstNode!.range.start;
    return document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start }).replace(/\S.*$/, '');
}

/**
 * Where a new top-level declaration of a kind goes: after the last declaration of the same family (types with types),
 * else before the first rule, else at the end of the file; separated by one blank line.
 */
export function newDeclarationEdit(document: LangiumDocument, text: string, family: (d: AstNode) => boolean): TextEdit {
    const module = document.parseResult.value as ast.Module;
    const kin = module.declarations.filter(family).filter(d => d.$cstNode);
    const last = kin[kin.length - 1];
    if (last) {
        return insertAt(last.$cstNode!.range.end, `\n\n${text}`);
    }
    const firstRule = module.declarations.find(d => ast.isRuleDecl(d) && d.$cstNode);
    if (firstRule) {
        // Above the comments that introduce the rule, so that they stay with it.
        let line = firstRule.$cstNode!.range.start.line;
        while (line > 1 && /^\s*--/.test(lineText(document, line - 1))) {
            line--;
        }
        return insertAt({ line, character: 0 }, `${text}\n\n`);
    }
    const content = document.textDocument.getText();
    const end = document.textDocument.positionAt(content.length);
    return insertAt(end, (content.endsWith('\n') ? '\n' : '\n\n') + text + '\n');
}

/** The text of one line, without its line break. */
export function lineText(document: LangiumDocument, line: number): string {
    return document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** The AST node a diagnostic points at. */
export function nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    return root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode;
}
