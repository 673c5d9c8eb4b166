import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { insertAt, nodeAt, quickFix, safe } from './edits.js';
import { closest } from './nearest.js';

/**
 * `allium.status.undefinedValue`: a rule sets a field to a name that is not one of its values. The nearest value
 * is most likely meant; otherwise the name is added to the field's values (an inline `a | b`, or the named enum).
 */
export function undefinedValueFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const value = nodeAt(document, diagnostic.range.start);
    const values = (diagnostic.data as { values?: string[] } | undefined)?.values ?? [];
    if (!ast.isNameRef(value)) {
        return [];
    }
    const name = value.ref.$refText;
    const fixes: CodeAction[] = [];
    const nearest = closest(name, values);
    if (nearest) {
        fixes.push(safe(quickFix(`Change to '${nearest}'`, value, [{ range: diagnostic.range, newText: nearest }], diagnostic, true)));
    }
    const assignment = AstUtils.getContainerOfType(value, ast.isBinaryExpr);
    const field = ast.isMemberAccess(assignment?.left) ? assignment.left.member.ref : undefined;
    const addition = ast.isAssignment(field) ? addValue(field, name) : undefined;
    if (addition) {
        fixes.push(quickFix(addition.title, value, [addition.edit], diagnostic, !nearest));
    }
    return fixes;
}

function addValue(field: ast.Assignment, name: string): { title: string; edit: TextEdit } | undefined {
    const declared = ast.isWhenGuard(field.value) ? field.value.action : field.value;
    if (ast.isBinaryExpr(declared) && declared.operator === '|' && declared.$cstNode) {
        const owner = field.$container as { name?: string };
        return { title: `Add '${name}' to the values of ${owner.name}.${field.name}`, edit: insertAt(declared.$cstNode.range.end, ` | ${name}`) };
    }
    const named = ast.isNameRef(declared) ? declared.ref.ref : undefined;
    const last = ast.isEnumDecl(named) ? named.literals[named.literals.length - 1] : undefined;
    if (ast.isEnumDecl(named) && last?.$cstNode && AstUtils.getDocument(named).uri.toString() === AstUtils.getDocument(field).uri.toString()) {
        return { title: `Add '${name}' to enum ${named.name}`, edit: insertAt(last.$cstNode.range.end, ` | ${name}`) };
    }
    return undefined;
}

/** `allium.surface.undefinedPath`: the declared field nearest the misspelt one. */
export function undefinedPathFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const fields = (diagnostic.data as { fields?: string[] } | undefined)?.fields ?? [];
    const written = document.textDocument.getText(diagnostic.range);
    const nearest = closest(written, fields);
    const node = nodeAt(document, diagnostic.range.start);
    return nearest && node ? [safe(quickFix(`Change to '${nearest}'`, node, [{ range: diagnostic.range, newText: nearest }], diagnostic, true))] : [];
}

/** `allium.sum.missingVariantKeyword`: `Leaf : Node {` becomes `variant Leaf : Node {`. */
export function variantKeywordFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const node = nodeAt(document, diagnostic.range.start);
    return node ? [safe(quickFix("Add the 'variant' keyword", node, [insertAt(diagnostic.range.start, 'variant ')], diagnostic, true))] : [];
}
