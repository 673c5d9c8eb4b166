import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { pipeNames } from '@allium/language';
import { indentOf, insertAt, nodeAt, quickFix, safe } from './edits.js';
import { closest } from './nearest.js';

/**
 * `allium.status.undeclaredTransition`: add the rule's `from -> to` edge to the entity's graph, and declare a
 * state the graph does not know (a rule setting `shiped` more likely has a typo than a new state, so that is
 * offered, not preferred).
 */
export function undeclaredTransitionFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const { entity, from, to } = (diagnostic.data ?? {}) as { entity?: string; from?: string; to?: string };
    const declaration = (document.parseResult.value as ast.Module).declarations.filter(ast.isEntityDecl).find(e => e.name === entity);
    const status = declaration && statusField(declaration);
    const graph = declaration?.items.filter(ast.isTransitionsBlock).find(t => t.field === 'status');
    const last = graph?.edges[graph.edges.length - 1];
    if (!declaration || !status || !statusValue(status)?.$cstNode || !from || !to) {
        return [];
    }
    const known = pipeNames(statusValue(status));
    const fixes: CodeAction[] = [];
    if (last?.$cstNode) {
        const edge = insertAt(last.$cstNode.range.end, `\n${indentOf(last)}${from} -> ${to}`);
        const missing = [from, to].filter(s => !known.includes(s));
        fixes.push(quickFix(`Add transition '${from} -> ${to}' to ${entity}.status`, graph!, missing.length > 0 ? [addValues(status, missing), edge] : [edge], diagnostic, missing.length === 0));
    }
    const nearest = known.includes(to) ? undefined : closest(to, known);
    const misspelt = nearest ? statusAssignments(document, to) : [];
    if (misspelt.length > 0) {
        fixes.unshift(safe(quickFix(`Change '${to}' to '${nearest}' where rules set it`, declaration, misspelt.map(n => ({ range: n.$cstNode!.range, newText: nearest! })), diagnostic, true)));
    }
    return fixes;
}

/** `allium.created.invalidStatus`: declare the value, or use the nearest declared one. */
export function invalidCreatedStatusFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const value = nodeAt(document, diagnostic.range.start);
    const call = value && AstUtils.getContainerOfType(value, ast.isCall);
    const entityName = call && ast.isMemberAccess(call.callee) && ast.isNameRef(call.callee.receiver) ? call.callee.receiver.ref.$refText : undefined;
    const entity = (document.parseResult.value as ast.Module).declarations.filter(ast.isEntityDecl).find(e => e.name === entityName);
    const status = entity && statusField(entity);
    if (!ast.isNameRef(value) || !status || !statusValue(status)?.$cstNode) {
        return [];
    }
    const name = value.ref.$refText;
    const fixes = [quickFix(`Add '${name}' to ${entity!.name}.status`, status, [addValues(status, [name])], diagnostic)];
    const nearest = closest(name, pipeNames(statusValue(status)));
    if (nearest) {
        fixes.unshift(safe(quickFix(`Change to '${nearest}'`, value, [{ range: diagnostic.range, newText: nearest }], diagnostic, true)));
    }
    return fixes;
}

/** The `x.status = value` of ensures clauses that set `value`. */
function statusAssignments(document: LangiumDocument, value: string): ast.NameRef[] {
    return AstUtils.streamAst(document.parseResult.value).filter(ast.isBinaryExpr)
        .filter(e => e.operator === '=' && ast.isMemberAccess(e.left) && e.left.member.$refText === 'status' && ast.isNameRef(e.right) && e.right.ref.$refText === value)
        .filter(e => AstUtils.getContainerOfType(e, (n): n is ast.Assignment => ast.isAssignment(n) && n.name === 'ensures') !== undefined)
        .map(e => e.right as ast.NameRef).filter(n => n.$cstNode !== undefined).toArray();
}

function statusField(entity: ast.EntityDecl): ast.Assignment | undefined {
    return entity.items.find((i): i is ast.Assignment => ast.isAssignment(i) && i.name === 'status');
}

function statusValue(field: ast.Assignment): ast.Expression | undefined {
    return ast.isWhenGuard(field.value) ? field.value.action : field.value as ast.Expression | undefined;
}

/** Appends `| a | b` to the field's values. */
function addValues(field: ast.Assignment, values: string[]) {
    return insertAt(statusValue(field)!.$cstNode!.range.end, values.map(v => ` | ${v}`).join(''));
}
