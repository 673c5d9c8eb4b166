import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { insertAt, newDeclarationEdit } from '../quick-fixes/edits.js';

type Literal = ast.NumberLiteral | ast.DurationLiteral | ast.StringLiteral;

/**
 * A number, duration or string written into rules (`requires: attempts < 5`, `order.placed_at + 30.days`) becomes a
 * config parameter (`config.max_attempts`), which consuming modules can override. Every equal literal in the
 * same role (compared with, or added to, a field of the same name) is replaced as well, so a threshold
 * repeated across rules changes in one place.
 */
export function extractLiteralRefactor(document: LangiumDocument, offset: number): CodeAction | undefined {
    const root = document.parseResult.value as ast.Module;
    const leaf = root.$cstNode && CstUtils.findLeafNodeAtOffset(root.$cstNode, offset);
    const literal = leaf?.astNode;
    if (!isLiteral(literal) || !inBehaviour(literal)) {
        return undefined;
    }
    const role = roleOf(literal);
    const same = AstUtils.streamAst(root).filter(isLiteral)
        .filter(l => l.value === literal.value && l.$type === literal.$type && inBehaviour(l) && roleOf(l) === role).toArray();
    const name = freeKey(root, keyFor(literal, role));
    const edits: TextEdit[] = same.map(l => ({ range: l.$cstNode!.range, newText: `config.${name}` }));
    edits.push(configEntry(document, root, `${name}: ${typeOf(literal)} = ${literal.$cstNode!.text}`));
    const uses = same.length > 1 ? ` (${same.length} uses)` : '';
    return {
        title: `Extract ${literal.$cstNode!.text} to config.${name}${uses}`,
        kind: 'refactor.extract',
        edit: { changes: { [document.uri.toString()]: edits } }
    };
}

function isLiteral(node: AstNode | undefined): node is Literal {
    return ast.isNumberLiteral(node) || ast.isDurationLiteral(node) || ast.isStringLiteral(node);
}

/** Literals in rules, surfaces and derived values; config and default values are already where values belong. */
function inBehaviour(node: AstNode): boolean {
    const top = topDeclaration(node);
    return top !== undefined && !ast.isConfigDecl(top) && !ast.isDefaultDecl(top) && !ast.isInvariantDecl(top) && node.$cstNode !== undefined;
}

function topDeclaration(node: AstNode): AstNode | undefined {
    let current = node;
    while (current.$container && !ast.isModule(current.$container)) {
        current = current.$container;
    }
    return current.$container ? current : undefined;
}

/** The field a literal is compared with or added to (`attempts` of `user.attempts < 5`), if any. */
function roleOf(literal: Literal): string | undefined {
    let operand: AstNode = literal;
    while (ast.isBinaryExpr(operand.$container) && ['+', '-', '*', '/'].includes(operand.$container.operator)) {
        operand = operand.$container;
    }
    const binary = operand.$container;
    if (!ast.isBinaryExpr(binary)) {
        return undefined;
    }
    const other = binary.left === operand ? binary.right : binary.left;
    return lastName(other) ?? lastName(ast.isBinaryExpr(other) ? other.left : undefined);
}

function lastName(node: AstNode | undefined): string | undefined {
    return ast.isMemberAccess(node) ? node.member.$refText : ast.isNameRef(node) && !node.ref.$refText.includes('/') ? node.ref.$refText : undefined;
}

function keyFor(literal: Literal, role: string | undefined): string {
    if (role && role !== 'now') {
        return ast.isDurationLiteral(literal) ? `${role}_window` : ast.isStringLiteral(literal) ? `${role}_value` : `${role}_limit`;
    }
    const text = literal.$cstNode!.text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toLowerCase();
    return `value_${text || 'text'}`;
}

function typeOf(literal: Literal): string {
    if (ast.isDurationLiteral(literal)) {
        return 'Duration';
    }
    if (ast.isStringLiteral(literal)) {
        return 'String';
    }
    return literal.value.includes('.') ? 'Decimal' : 'Integer';
}

function freeKey(root: ast.Module, wanted: string): string {
    const taken = new Set(root.declarations.filter(ast.isConfigDecl).filter(c => !c.qualifiedName)
        .flatMap(c => c.items.filter(ast.isAssignment).map(a => a.name)));
    let key = wanted;
    for (let i = 2; taken.has(key); i++) {
        key = `${wanted}_${i}`;
    }
    return key;
}

/** The new parameter goes last in the file's own config block, or in a new block where declarations go. */
function configEntry(document: LangiumDocument, root: ast.Module, entry: string): TextEdit {
    const config = root.declarations.filter(ast.isConfigDecl).find(c => !c.qualifiedName && c.$cstNode);
    if (config) {
        const last = config.items[config.items.length - 1];
        if (last?.$cstNode) {
            const indent = document.textDocument.getText({ start: { line: last.$cstNode.range.start.line, character: 0 }, end: last.$cstNode.range.start });
            return insertAt(last.$cstNode.range.end, `\n${indent.replace(/\S.*$/, '')}${entry}`);
        }
        const close = config.$cstNode!.range.end;
        return { range: { start: { line: close.line, character: close.character - 1 }, end: close }, newText: `\n    ${entry}\n}` };
    }
    return newDeclarationEdit(document, `config {\n    ${entry}\n}`, ast.isConfigDecl);
}
