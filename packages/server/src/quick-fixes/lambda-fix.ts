import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import * as ast from '@allium/language';
import { nodeAt, quickFix, safe } from './edits.js';

/** `allium.expression.implicitLambda`: `items.any(done)` becomes `items.any(item => item.done)`. */
export function explicitLambdaFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const node = nodeAt(document, diagnostic.range.start);
    const call = node?.$container?.$container;
    if (!ast.isNameRef(node) || !ast.isCall(call) || !ast.isMemberAccess(call.callee) || !node.$cstNode) {
        return [];
    }
    const field = node.ref.$refText;
    const variable = elementName(call.callee.receiver, field);
    return [safe(quickFix(`Write '${variable} => ${variable}.${field}'`, node, [{ range: node.$cstNode.range, newText: `${variable} => ${variable}.${field}` }], diagnostic, true))];
}

/** A name for one element of the collection: `order.items` gives `item`, anything else `x`. */
function elementName(collection: ast.Expression, field: string): string {
    const name = ast.isMemberAccess(collection) ? collection.member.$refText : ast.isNameRef(collection) ? collection.ref.$refText : '';
    const singular = /^[a-z_][a-z0-9_]*s$/.test(name) ? name.replace(/ies$/, 'y').replace(/s$/, '') : '';
    return singular !== '' && singular !== field ? singular : 'x';
}
