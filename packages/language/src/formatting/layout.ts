import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { documentLines } from '../line-bounds.js';

const STEP = 4;

/**
 * The indentation each line should have, where layout can say: items of a `{ }` body one step deeper than the
 * line that opens it, its closing brace level with that line, comment lines with the items around them. An item
 * moves as a whole, so the lines of an indented clause keep their depth relative to its first line (that depth is
 * syntax). Lines layout says nothing about are absent.
 */
export function targetIndents(document: LangiumDocument): Map<number, number> {
    const lines = documentLines(document.textDocument.getText());
    const widths = lines.map(indentWidth);
    const targets = new Map<number, number>();
    const owned = new Set<number>();
    const module = document.parseResult.value as ast.Module;
    for (const declaration of module.declarations) {
        placeBlock(declaration, 0, lines, widths, targets, owned);
    }
    placeComments(lines, targets, owned);
    return targets;
}

/**
 * Places a node that starts its line at `depth`. A construct with braces places its items one step deeper and its
 * closing brace level with its first line; comment lines between its items are left to `placeComments`.
 */
function placeBlock(node: AstNode, depth: number, lines: string[], widths: number[], targets: Map<number, number>, owned: Set<number>): void {
    const range = node.$cstNode?.range;
    if (!range || !startsLine(lines[range.start.line], range.start.character)) {
        return;
    }
    const body = braceItems(node);
    if (!body) {
        shift(range.start.line, lastLine(node, lines, widths), depth * STEP - widths[range.start.line], lines, widths, targets, owned);
        return;
    }
    const covered = new Set<number>();
    for (const item of body) {
        const itemRange = item.$cstNode?.range;
        for (let line = itemRange?.start.line ?? 0; itemRange && line <= lastLine(item, lines, widths); line++) {
            covered.add(line);
        }
    }
    shift(range.start.line, range.start.line, depth * STEP - widths[range.start.line], lines, widths, targets, owned);
    // Lines between the braces that no item holds (`terminal: a, b`) move as a run, to the items' depth.
    let runDelta: number | undefined;
    for (let line = range.start.line + 1; line < range.end.line; line++) {
        const text = lines[line].trim();
        if (covered.has(line) || text.startsWith('--')) {
            runDelta = covered.has(line) ? undefined : runDelta;
            continue;
        }
        if (text !== '') {
            runDelta ??= (depth + 1) * STEP - widths[line];
            shift(line, line, runDelta, lines, widths, targets, owned);
        }
    }
    if (range.end.line > range.start.line && lines[range.end.line].trim().startsWith('}')) {
        targets.set(range.end.line, depth * STEP);
        owned.add(range.end.line);
    }
    for (const item of body) {
        placeBlock(item, depth + 1, lines, widths, targets, owned);
    }
}

/** Moves the non-blank lines of [first, last] by `delta` columns. */
function shift(first: number, last: number, delta: number, lines: string[], widths: number[], targets: Map<number, number>, owned: Set<number>): void {
    for (let line = first; line <= last; line++) {
        if (lines[line].trim() !== '') {
            owned.add(line);
            targets.set(line, Math.max(0, widths[line] + delta));
        }
    }
}

/** The node's last line, or that of the comment lines indented under its end (`-- note` at the end of an indented block). */
function lastLine(node: AstNode, lines: string[], widths: number[]): number {
    const range = node.$cstNode!.range;
    let last = range.end.line;
    if (braceItems(node) || last === range.start.line) {
        return last;
    }
    while (last + 1 < lines.length && lines[last + 1].trim().startsWith('--') && widths[last + 1] > widths[range.start.line]) {
        last++;
    }
    return last;
}

/** The items written between the braces of a construct, if it has braces. */
function braceItems(node: AstNode): AstNode[] | undefined {
    if (ast.isEnumDecl(node)) {
        return node.literals;
    }
    if (ast.isTransitionsBlock(node)) {
        return node.edges;
    }
    if (ast.isInvariantDecl(node) || ast.isEntityInvariant(node)) {
        return node.body;
    }
    const text = node.$cstNode?.text ?? '';
    const hasBraces = !ast.isVariantDecl(node) || text.includes('{');
    return hasBraces && 'items' in node && Array.isArray(node.items) && !ast.isModule(node) ? node.items as AstNode[] : undefined;
}

/** A comment line outside any item takes the indentation of the next placed line, or stays where it is. */
function placeComments(lines: string[], targets: Map<number, number>, owned: Set<number>): void {
    let next: number | undefined;
    for (let line = lines.length - 1; line >= 0; line--) {
        const text = lines[line].trim();
        if (text.startsWith('--') && !owned.has(line)) {
            if (next !== undefined) {
                targets.set(line, next);
            }
        } else if (text !== '' && !text.startsWith('--')) {
            const placed = targets.get(line);
            next = placed === undefined ? undefined : text.startsWith('}') ? placed + STEP : placed;
        }
    }
}

function startsLine(line: string, character: number): boolean {
    return line.slice(0, character).trim() === '';
}

function indentWidth(line: string): number {
    return /^[ \t]*/.exec(line)![0].replace(/\t/g, ' '.repeat(STEP)).length;
}
