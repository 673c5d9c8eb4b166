import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { isTypeDecl, pipeNames } from '@allium/language';
import { newDeclarationEdit } from '../quick-fixes/edits.js';

/**
 * An inline enum (`status: pending | active | done`) becomes a named enum (`enum OrderStatus { ... }`) that other
 * fields can share and compare with, as the language reference advises once two fields hold the same values.
 * Fields of the same entity or value with the same literals in the same order move to the new enum too.
 * A `status` field keeps its inline values: the lifecycle checks (unreachable states, exits, transition graphs), the
 * reference checker's among them, read only inline status values, so extracting them would silence those checks.
 */
export function extractEnumRefactor(document: LangiumDocument, offset: number): CodeAction | undefined {
    const field = fieldAt(document, offset);
    const owner = field && AstUtils.getContainerOfType(field, (n): n is ast.EntityDecl | ast.ValueDecl => ast.isEntityDecl(n) || ast.isValueDecl(n));
    const literals = field && inlineLiterals(field);
    if (!field || !owner || !literals || field.name === 'status') {
        return undefined;
    }
    const module = document.parseResult.value as ast.Module;
    const name = freeName(module, `${owner.name}${pascal(field.name)}`);
    const same = owner.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && inlineLiterals(i)?.join('|') === literals.join('|'));
    const edits: TextEdit[] = same.map(f => ({ range: pipeOf(f)!.$cstNode!.range, newText: name }));
    edits.push(newDeclarationEdit(document, `enum ${name} {\n    ${literals.join(' | ')}\n}`, d => ast.isEnumDecl(d)));
    return {
        title: `Extract values of '${field.name}' to enum ${name}`,
        kind: 'refactor.extract',
        edit: { changes: { [document.uri.toString()]: edits } }
    };
}

function fieldAt(document: LangiumDocument, offset: number): ast.Assignment | undefined {
    const root = document.parseResult.value as ast.Module;
    for (const declaration of root.declarations) {
        if ((ast.isEntityDecl(declaration) || ast.isValueDecl(declaration)) && declaration.$cstNode && declaration.$cstNode.offset <= offset && offset <= declaration.$cstNode.end) {
            return declaration.items.find((i): i is ast.Assignment => ast.isAssignment(i) && i.$cstNode !== undefined && i.$cstNode.offset <= offset && offset <= i.$cstNode.end);
        }
    }
    return undefined;
}

/** The `a | b | c` of a field, also under a `when` qualification; lowercase names only, as enum values are. */
function pipeOf(field: ast.Assignment): ast.Expression | undefined {
    const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
    return ast.isBinaryExpr(value) && value.operator === '|' ? value : undefined;
}

function inlineLiterals(field: ast.Assignment): string[] | undefined {
    const pipe = pipeOf(field);
    const names = pipe ? pipeNames(pipe) : [];
    return names.length > 1 && names.every(n => /^[a-z_]/.test(n)) ? names : undefined;
}

function pascal(name: string): string {
    return name.split('_').filter(p => p !== '').map(p => p[0].toUpperCase() + p.slice(1)).join('');
}

function freeName(module: ast.Module, wanted: string): string {
    const taken = new Set(module.declarations.filter(isTypeDecl).map(d => d.name));
    let name = wanted;
    for (let i = 2; taken.has(name); i++) {
        name = `${wanted}${i}`;
    }
    return name;
}
