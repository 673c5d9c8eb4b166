import { CstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Range, SelectionRange, SelectionRangeParams } from 'vscode-languageserver';

/** Langium has no selection range service; this is one in its style, with a handler in selection-range-handler.ts. */
export interface SelectionRangeProvider {
    getSelectionRanges(document: LangiumDocument, params: SelectionRangeParams): SelectionRange[];
}

// Tokens the lexer makes up for indentation and empty values: they sit where the next line starts, so a block's
// range would run into the line after it.
const SYNTHETIC = new Set(['INDENT', 'DEDENT', 'EMPTY_VALUE']);

/**
 * Expand Selection through the syntax tree: the word, then each enclosing expression, clause, block and
 * declaration, then the whole file; each step strictly larger than the last.
 */
export class AlliumSelectionRangeProvider implements SelectionRangeProvider {
    getSelectionRanges(document: LangiumDocument, params: SelectionRangeParams): SelectionRange[] {
        const root = document.parseResult.value.$cstNode;
        return params.positions.map(position => {
            const offset = document.textDocument.offsetAt(position);
            const leaf = root && (CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset));
            const ranges = leaf ? [visibleRange(leaf), ...containers(leaf.astNode).map(n => n.$cstNode && visibleRange(n.$cstNode))] : [];
            const cursor = { start: position, end: position };
            return chain(ranges.filter((r): r is Range => r !== undefined && contains(r, cursor)), cursor);
        });
    }
}

function containers(node: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        nodes.push(current);
    }
    return nodes;
}

/** Innermost first, as the protocol's `parent` links want them; a range not larger than the one before it is left out. */
function chain(ranges: Range[], empty: Range): SelectionRange {
    let innermost: SelectionRange | undefined;
    let outermost: SelectionRange | undefined;
    for (const range of ranges) {
        if (outermost && !(contains(range, outermost.range) && !equal(range, outermost.range))) {
            continue;
        }
        const next: SelectionRange = { range };
        if (outermost) {
            outermost.parent = next;
        }
        outermost = next;
        innermost ??= next;
    }
    return innermost ?? { range: empty };
}

/** From the first to the last real token of a node. */
function visibleRange(node: CstNode): Range | undefined {
    const first = firstLeaf(node);
    const last = lastLeaf(node);
    return first && last ? { start: first.range.start, end: last.range.end } : undefined;
}

function firstLeaf(node: CstNode): CstNode | undefined {
    if (!isCompositeCstNode(node)) {
        return isReal(node) ? node : undefined;
    }
    for (const child of node.content) {
        const found = firstLeaf(child);
        if (found) {
            return found;
        }
    }
    return undefined;
}

function lastLeaf(node: CstNode): CstNode | undefined {
    if (!isCompositeCstNode(node)) {
        return isReal(node) ? node : undefined;
    }
    for (let i = node.content.length - 1; i >= 0; i--) {
        const found = lastLeaf(node.content[i]);
        if (found) {
            return found;
        }
    }
    return undefined;
}

function isReal(leaf: CstNode): boolean {
    return !leaf.hidden && leaf.length > 0 && !('tokenType' in leaf && SYNTHETIC.has((leaf as { tokenType: { name: string } }).tokenType.name));
}

function contains(outer: Range, inner: Range): boolean {
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function equal(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
