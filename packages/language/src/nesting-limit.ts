import type { ILexingError, IToken } from 'chevrotain';

/** Brackets and indented blocks open at once; Chevrotain's parser recurses a dozen frames for each. */
export const MAX_NESTING = 48;
/**
 * Indented blocks open at once. The parser's adaptive lookahead re-reads the nested blocks below an item to tell an
 * expression from a stray keyword, so its time grows steeply with this depth (25 levels took 13 s, 12 take 1 s). Real specs nest four or five.
 */
export const MAX_BLOCKS = 12;
/** Operators and member accesses in one expression: each one is a level of the syntax tree that Langium walks recursively. */
export const MAX_CHAIN = 500;

const LAMBDAS_TOO_DEEP = `Nested too deeply: more than ${MAX_NESTING} lambdas and \`for\` loops inside one another on one line. The rest of this expression is not checked.`;

const OPENERS = new Set(['(', '[', '{', 'INDENT']);
const CLOSERS = new Set([')', ']', '}', 'DEDENT']);
/** Tokens that put their operand one level deeper in the tree: binary and prefix operators, member access, suffixes, lambdas. */
const CHAIN = new Set(['.', '?.', '?', '->', '=>', 'and', 'or', 'implies', 'not', 'exists', 'in', '=', '!=', '<', '<=', '>', '>=', '|', '*', '/', '+', '-',
    '??', 'transitions_to', 'becomes', 'where', 'with', 'when', 'GENERIC_LT']);

interface Frame {
    /** Operators since the last item boundary (`,`, `:`, a line that does not continue the previous one). */
    chain: number;
    /** Lambdas and inline `for` loops since the last item boundary: each holds the rest of the expression, one level deeper. */
    lambdas: number;
    /** `enum E { a | b | ... }`: the bars separate literals and build no tree. */
    counts: boolean;
    /** Opened by an INDENT, so it counts against {@link MAX_BLOCKS}. */
    block: boolean;
}

/**
 * Bounds what the input controls about recursion before the parser sees it: too many brackets or indented blocks
 * open at once, too many operators in one expression, or too long a run of prefix operators. Where a bound is
 * passed, a lexing error says so at that place and the tokens up to the end of that construct are dropped, so the
 * rest of the file is still parsed and checked.
 */
export function limitNesting(tokens: IToken[]): { tokens: IToken[]; errors: ILexingError[] } {
    const errors: ILexingError[] = [];
    const out: IToken[] = [];
    const frames: Frame[] = [{ chain: 0, lambdas: 0, counts: true, block: false }];
    let blocks = 0;
    let prefixRun = 0;
    let previous: IToken | undefined;
    /** Reports `message` at token `at` and drops the rest of its expression; the index of the last token dropped. */
    const dropExpression = (at: number, frame: Frame, message: string): number => {
        errors.push(errorAt(tokens[at], message));
        const last = skipConstruct(tokens, at, false);
        previous = tokens[last];
        frame.chain = 0;
        frame.lambdas = 0;
        prefixRun = 0;
        return last;
    };
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const kind = kindOf(token);
        const frame = frames[frames.length - 1];
        if (previous && startsLine(token, previous) && !CHAIN.has(kindOf(previous)) && !CHAIN.has(kind) && !OPENERS.has(kind)) {
            frame.chain = 0;
            frame.lambdas = 0;
        }
        if (OPENERS.has(kind)) {
            if (frames.length > MAX_NESTING || (kind === 'INDENT' && blocks >= MAX_BLOCKS)) {
                errors.push(errorAt(token, frames.length > MAX_NESTING
                    ? `Nested too deeply: more than ${MAX_NESTING} brackets and indented blocks are open here. The rest of this construct is not checked.`
                    : `Nested too deeply: more than ${MAX_BLOCKS} indented blocks are open here. The rest of this block is not checked.`));
                i = skipConstruct(tokens, i, true);
                previous = tokens[i];
                continue;
            }
            frames.push({ chain: 0, lambdas: 0, counts: !(kind === '{' && tokens[i - 2]?.image === 'enum'), block: kind === 'INDENT' });
            blocks += kind === 'INDENT' ? 1 : 0;
            prefixRun = 0;
        } else if (CLOSERS.has(kind)) {
            if (frames.length > 1) {
                blocks -= frames.pop()!.block ? 1 : 0;
            }
            prefixRun = 0;
        } else if (kind === ',' || kind === ':') {
            frame.chain = 0;
            // An inline `for x in c:` holds what follows its colon, so the colon does not end its nesting.
            frame.lambdas = kind === ',' ? 0 : frame.lambdas;
            prefixRun = 0;
        } else if (CHAIN.has(kind) && frame.counts) {
            prefixRun = previous && CHAIN.has(kindOf(previous)) ? prefixRun + 1 : 1;
            frame.lambdas += kind === '=>' ? 1 : 0;
            if (++frame.chain > MAX_CHAIN || prefixRun > MAX_NESTING || frame.lambdas > MAX_NESTING) {
                i = dropExpression(i, frame, frame.chain > MAX_CHAIN
                    ? `Expression too long: more than ${MAX_CHAIN} operators in a row. The rest of it is not checked.`
                    : prefixRun > MAX_NESTING
                        ? `Nested too deeply: more than ${MAX_NESTING} prefix operators in a row. The rest of this expression is not checked.`
                        : LAMBDAS_TOO_DEEP);
                continue;
            }
        } else if (kind === 'for' && ++frame.lambdas > MAX_NESTING) {
            i = dropExpression(i, frame, LAMBDAS_TOO_DEEP);
            continue;
        } else {
            prefixRun = 0;
        }
        out.push(token);
        previous = token;
    }
    return { tokens: out, errors };
}

/**
 * The index of the last token to drop from `start`: for an opener its matching closer; for an operator the last
 * token before the end of its expression (a `,` or `:` at its level, the closer of its frame, or a line that does
 * not continue it), which is kept.
 */
function skipConstruct(tokens: IToken[], start: number, opener: boolean): number {
    let depth = 0;
    for (let i = start; i < tokens.length; i++) {
        const kind = kindOf(tokens[i]);
        if (OPENERS.has(kind)) {
            depth++;
        } else if (CLOSERS.has(kind)) {
            if (opener && depth === 1) {
                return i;
            }
            if (depth === 0) {
                return i - 1;
            }
            depth--;
        } else if (!opener && depth === 0 && i > start) {
            const previous = tokens[i - 1];
            if (kind === ',' || kind === ':' || (startsLine(tokens[i], previous) && !CHAIN.has(kindOf(previous)) && !CHAIN.has(kind))) {
                return i - 1;
            }
        }
    }
    return tokens.length - 1;
}

function kindOf(token: IToken): string {
    const name = token.tokenType.name;
    return name === 'INDENT' || name === 'DEDENT' || name === 'GENERIC_LT' ? name : token.image;
}

function startsLine(token: IToken, previous: IToken): boolean {
    return (token.startLine ?? 0) > (previous.endLine ?? 0);
}

/** The errors this pass made: input it cut short, which re-parsing would only cut again. */
const bounded = new WeakSet<ILexingError>();

export function isBoundError(error: ILexingError): boolean {
    return bounded.has(error);
}

function errorAt(token: IToken, message: string): ILexingError {
    const error = { offset: token.startOffset, line: token.startLine, column: token.startColumn, length: Math.max(1, token.image.length), message };
    bounded.add(error);
    return error;
}
