import { IssueCodes } from '@allium/language';
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { isTypeDecl } from '@allium/language';
import { newDeclarationEdit, nodeAt, quickFix } from './edits.js';

/**
 * Undefined type names (`allium.type.undefinedReference` on a field's type, `allium.rule.undefinedTypeReference` on a
 * trigger's entity): declare it next to the other types. A field type may be an entity, a value or an enum; what a rule
 * creates or listens to is an entity.
 */
export function undefinedTypeFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const name = document.textDocument.getText(diagnostic.range);
    const node = nodeAt(document, diagnostic.range.start);
    if (!/^[A-Z][A-Za-z0-9_]*$/.test(name) || !node) {
        return [];
    }
    const kinds = diagnostic.code === IssueCodes.RuleUndefinedTypeReference ? ['entity'] : ['entity', 'value', 'enum'];
    return kinds.map((kind, i) => quickFix(`Create ${kind} '${name}'`, node,
        [newDeclarationEdit(document, kind === 'enum' ? `enum ${name} { }` : `${kind} ${name} {\n}`, isTypeDecl)], diagnostic, i === 0));
}

/** `allium.sum.discriminatorUnknownVariant`: declare `variant X : Entity` after the entity and its other variants. */
export function unknownVariantFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const name = document.textDocument.getText(diagnostic.range);
    const node = nodeAt(document, diagnostic.range.start);
    const entity = node && AstUtils.getContainerOfType(node, ast.isEntityDecl);
    if (!entity || !/^[A-Z]\w*$/.test(name)) {
        return [];
    }
    const family = (d: AstNode) => d === entity || (ast.isVariantDecl(d) && d.base === entity.name);
    return [quickFix(`Declare variant '${name} : ${entity.name}'`, entity, [newDeclarationEdit(document, `variant ${name} : ${entity.name} {\n}`, family)], diagnostic, true)];
}
