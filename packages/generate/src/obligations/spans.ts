import * as ast from '@allium/language';
import { AstUtils, type AstNode } from 'langium';

/** The byte span of a node's text as the reference gives it; it counts UTF-8 bytes, Langium UTF-16 code units. */
export function spanOf(node: AstNode): { start: number; end: number } {
    const toBytes = byteOffsets(AstUtils.getDocument(node).textDocument.getText());
    return { start: toBytes(node.$cstNode?.offset ?? 0), end: toBytes(endOf(node)) };
}

/**
 * Where the reference ends a node: a parenthesised group (`(a or b)`, a parameter list `(n: Integer)`) ends with
 * its last operand, before the `)`, so a clause that ends with one does too (`requires: (a or b` is its span).
 */
function endOf(node: AstNode): number {
    const last = ast.isParenthesized(node) ? node.inner
        : ast.isParamList(node) ? node.params[node.params.length - 1]
        : ast.isBinaryExpr(node) ? node.right
        : ast.isUnaryExpr(node) ? node.operand
        : ast.isAssignment(node) ? node.value
        : ast.isExprBlock(node) ? node.items[node.items.length - 1]
        : ast.isTypedParam(node) ? node.type
        : undefined;
    return last ? endOf(last) : node.$cstNode?.end ?? 0;
}

/** The source text from the start of `first` to the end of `last`. */
export function textOf(first: AstNode, last: AstNode): string {
    const text = AstUtils.getDocument(first).textDocument.getText();
    return text.slice(first.$cstNode?.offset ?? 0, last.$cstNode?.end ?? 0);
}

// The table of the last text asked about: a plan computes every span of one file before the next.
const tables = new Map<string, (offset: number) => number>();

export function byteOffsets(text: string): (offset: number) => number {
    let table = tables.get(text);
    if (!table) {
        // eslint-disable-next-line no-control-regex -- ASCII, control characters included
        if (/^[\x00-\x7f]*$/.test(text)) {
            table = offset => offset;
        } else {
            const bytes = new Uint32Array(text.length + 1);
            for (let i = 0; i < text.length; i++) {
                const code = text.charCodeAt(i);
                // A surrogate pair is four bytes: two for each half.
                bytes[i + 1] = bytes[i] + (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3);
            }
            table = offset => bytes[Math.min(offset, text.length)];
        }
        tables.clear();
        tables.set(text, table);
    }
    return table;
}
