import { CompositeCstNodeImpl, LeafCstNodeImpl, type AstNode, type CstNode, type LangiumParser, type ParseResult, type RootCstNodeImpl } from 'langium';
import { isModule, type Declaration, type Module } from './generated/ast.js';
import { tooLargeToParse } from './document-budget.js';

/**
 * Re-parses only the top-level declarations an edit touched, when that is sure to give what parsing the whole new
 * text would: the previous parse was clean, the edit lies within whole declarations that start at the first column
 * of a line, the new text of those declarations parses clean into as many declarations, and the declarations on
 * either side of it end with their closing brace (a brace-less `default` or `use` could run on into the next line).
 * Declarations are parsed on their own in Allium: the lexer's block state is reset at a line starting in column 0
 * after a closed brace, and a declaration starts with its keyword. Anywhere else the whole text is parsed.
 *
 * The returned tree has a new Module and a new root CST node, so memos keyed on either start afresh; the kept
 * declarations move to it with their AST and CST objects (and with them memos of their own subtree), with the CST
 * offsets and lines after the edit shifted. Their indexes in `declarations`, and so their node paths, are unchanged.
 * The previous tree is used up: its kept nodes now belong to the new one.
 */
export function spliceDeclarations(previous: ParseResult<AstNode>, text: string, parser: LangiumParser): ParseResult<Module> | undefined {
    const module = previous.value;
    const root = module.$cstNode as RootCstNodeImpl | undefined;
    if (!isModule(module) || !root || !isClean(previous) || tooLargeToParse(text) || !allBalanced(module)) {
        return undefined;
    }
    const old = root.fullText;
    const region = changedRegion(module, old, text);
    if (!region) {
        return undefined;
    }
    const { first, after, start, oldEnd } = region;
    const delta = text.length - old.length;
    const reparsed = parser.parse<Module>(text.slice(start, oldEnd + delta));
    const fresh = reparsed.value;
    const freshRoot = fresh.$cstNode as RootCstNodeImpl | undefined;
    if (!isClean(reparsed) || !freshRoot || fresh.declarations.length !== after - first || !fresh.declarations.every(isBalanced)
        || (after < module.declarations.length && !endsWithBrace(fresh.declarations[fresh.declarations.length - 1]))) {
        return undefined;
    }
    const kept = root.content;
    const before = kept.filter(node => node.end <= start);
    const behind = kept.filter(node => node.offset >= oldEnd);
    if (before.length + behind.length + kept.filter(node => node.offset >= start && node.end <= oldEnd).length !== kept.length) {
        return undefined;
    }
    const startLine = lineOf(old, start);
    for (const node of freshRoot.content) {
        shift(node, start, startLine);
    }
    const lineDelta = countLines(text, start, oldEnd + delta) - countLines(old, start, oldEnd);
    for (const node of behind) {
        shift(node, delta, lineDelta);
    }
    (freshRoot as unknown as { _text: string })._text = text;
    freshRoot.content = [...before, ...freshRoot.content, ...behind];
    for (const node of freshRoot.content) {
        (node as { container?: CompositeCstNodeImpl }).container = freshRoot;
    }
    (freshRoot as unknown as { _rangeCache?: unknown })._rangeCache = undefined;
    fresh.declarations = [...module.declarations.slice(0, first), ...fresh.declarations, ...module.declarations.slice(after)];
    fresh.declarations.forEach((declaration, index) => {
        const contained = declaration as { $container: Module; $containerIndex?: number };
        contained.$container = fresh;
        contained.$containerIndex = index;
    });
    balanced.set(fresh, true);
    return { ...reparsed, value: fresh };
}

/** Modules whose every declaration closes the brackets it opens; see {@link isBalanced}. */
const balanced = new WeakMap<Module, boolean>();

function allBalanced(module: Module): boolean {
    let all = balanced.get(module);
    if (all === undefined) {
        balanced.set(module, all = module.declarations.every(isBalanced));
    }
    return all;
}

/**
 * Whether the declaration's tokens close every bracket they open, counted as the lexer counts them (a closing one
 * with none open counts nothing). The lexer carries that count from one declaration to the next and inserts no
 * INDENT/DEDENT inside brackets, and a clean parse does not guarantee it is zero (`when: Ping(a, b` can parse): a
 * declaration parsed on its own starts at zero, so a splice is right only when every declaration before it ends there.
 */
function isBalanced(declaration: Declaration): boolean {
    const cst = declaration.$cstNode;
    if (!cst) {
        return false;
    }
    const text = cst.root.fullText;
    let brackets = 0;
    let braces = 0;
    const stack: CstNode[] = [cst];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof CompositeCstNodeImpl) {
            for (let i = node.content.length - 1; i >= 0; i--) {
                stack.push(node.content[i]);
            }
        } else if (!node.hidden && node.length === 1) {
            switch (text.charCodeAt(node.offset)) {
                case 40: case 91: brackets++; break; // ( [
                case 41: case 93: brackets = Math.max(0, brackets - 1); break; // ) ]
                case 123: braces++; break; // {
                case 125: braces = Math.max(0, braces - 1); break; // }
            }
        }
    }
    return brackets === 0 && braces === 0;
}

interface Region {
    /** Index of the first declaration re-parsed, and of the first one kept after them. */
    first: number;
    after: number;
    /** Offsets in the previous text: the first re-parsed declaration's start, and the next kept one's (or the end). */
    start: number;
    oldEnd: number;
}

const CHUNK = 256;

/** The whole declarations of the previous text that hold what changed, or undefined when they cannot be told. */
function changedRegion(module: Module, old: string, text: string): Region | undefined {
    const shorter = Math.min(old.length, text.length);
    // Whole chunks first: comparing two slices is a block compare, far cheaper than a character at a time over a
    // large file's text; the characters are then compared in the first chunk that differs.
    let prefix = 0;
    while (prefix + CHUNK <= shorter && old.slice(prefix, prefix + CHUNK) === text.slice(prefix, prefix + CHUNK)) {
        prefix += CHUNK;
    }
    while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) {
        prefix++;
    }
    let suffix = 0;
    while (suffix + CHUNK <= shorter - prefix && old.slice(old.length - suffix - CHUNK, old.length - suffix) === text.slice(text.length - suffix - CHUNK, text.length - suffix)) {
        suffix += CHUNK;
    }
    while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) {
        suffix++;
    }
    if (prefix === old.length && prefix === text.length) {
        return undefined;
    }
    const declarations = module.declarations;
    if (declarations.length === 0) {
        return undefined;
    }
    const changedEnd = old.length - suffix;
    // The last declaration starting at or before the change (none: the change is in the file's header, which goes
    // with the first declaration), and the first one starting after it.
    let last = -1;
    while (last + 1 < declarations.length && offsetOf(declarations[last + 1]) <= prefix) {
        last++;
    }
    const first = Math.max(last, 0);
    let after = first + 1;
    while (after < declarations.length && offsetOf(declarations[after]) < changedEnd) {
        after++;
    }
    const start = last === -1 ? 0 : offsetOf(declarations[first]);
    const oldEnd = after < declarations.length ? offsetOf(declarations[after]) : old.length;
    const atLineStart = (offset: number) => offset === 0 || old.charCodeAt(offset - 1) === 10 /* \n */;
    if (!atLineStart(start) || !atLineStart(oldEnd) || (first > 0 && !endsWithBrace(declarations[first - 1]))) {
        return undefined;
    }
    return { first, after, start, oldEnd };
}

function isClean(result: ParseResult<AstNode>): boolean {
    const module = result.value;
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics?.length ?? 0) === 0
        && isModule(module) && module.strays.length === 0;
}

function offsetOf(declaration: Declaration): number {
    return declaration.$cstNode?.offset ?? -1;
}

function endsWithBrace(declaration: Declaration | undefined): boolean {
    const cst = declaration?.$cstNode;
    return cst !== undefined && cst.length > 0 && cst.root.fullText.charCodeAt(cst.end - 1) === 125 /* } */;
}

function lineOf(text: string, offset: number): number {
    return countLines(text, 0, offset);
}

function countLines(text: string, from: number, to: number): number {
    let lines = 0;
    for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) {
        lines++;
    }
    return lines;
}

/** Moves a CST subtree by `offset` characters and `lines` lines; columns stay, as whole lines move. */
function shift(node: CstNode, offset: number, lines: number): void {
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (current instanceof LeafCstNodeImpl) {
            const leaf = current as unknown as { _offset: number; _startLine: number; _endLine: number };
            leaf._offset += offset;
            leaf._startLine += lines;
            leaf._endLine += lines;
        } else if (current instanceof CompositeCstNodeImpl) {
            (current as unknown as { _rangeCache?: unknown })._rangeCache = undefined;
            stack.push(...current.content);
        }
    }
}
