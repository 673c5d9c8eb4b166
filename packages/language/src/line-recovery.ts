import type { IRecognitionException, IToken } from 'chevrotain';
import { AstUtils, type AstNode, type ParseResult } from 'langium';
import { isModule, isStray, isStrayBlock, type Declaration, type Stray } from './generated/ast.js';
import { strayMessage } from './validation/syntax-validator.js';
import { isBoundError } from './nesting-limit.js';
import { endOfLine, startOfLine } from './line-bounds.js';

/** Re-parses are whole-file; past these, the parser's own token-level recovery handles the remaining errors. */
const MAX_REPARSES = 24;
const MAX_REPARSED_CHARACTERS = 4_000_000;
/**
 * Past this size, or in a file whose nesting or expression length was cut short (nesting-limit.ts), one parse is
 * all the work a document gets: each re-parse would cost as much as the first, which is already long there.
 */
const MAX_RECOVERED_CHARACTERS = 256_000;

/**
 * Recovers from syntax errors as the reference checker does: one error per line, parsing resumes on the next
 * line. The first error is recorded, the rest of its line is blanked out (spaces, so every offset stays; all of
 * it for an error in a declaration's header, and the rest after a token skipped between declarations) and the
 * text parsed again, until no error is left. Token-level recovery would instead guess tokens into the broken
 * line and report the knock-on errors of its guesses on later lines, far from the problem (or, for tokens it
 * invented, at 1:1). A declaration still open at the end of the file is dropped, as the reference drops it: it
 * is being written, and half of it would yield findings about what is not there yet.
 */
export function recoverLineByLine(input: string, parse: (text: string) => ParseResult<AstNode>): ParseResult<AstNode> {
    let text = input;
    let result = parse(text);
    const lexerErrors = result.lexerErrors;
    const recorded: IRecognitionException[] = [];
    let cursor = 0;
    const reparses = input.length > MAX_RECOVERED_CHARACTERS || lexerErrors.some(isBoundError) ? 0 : MAX_REPARSES;
    for (let i = 0, budget = MAX_REPARSED_CHARACTERS; i < reparses && budget > 0; i++) {
        const problem = firstProblem(result, lexerErrors, cursor);
        // At INDENT/DEDENT the problem is an unfinished line before, not the line where the next code starts.
        if (!problem || problem.error?.token.image === '') {
            break;
        }
        // A skipped token stays in the tree as a Stray, which the syntax validator reports; an error is recorded;
        // a character the lexer skipped is broken code like an error, and already reported.
        // An error between declarations is in a declaration's header: the whole line goes, so that the next line
        // can start a declaration of its own rather than finish the broken one.
        const from = problem.stray ? problem.end : braceDepth(text, problem.offset) === 0 ? headerStart(text, problem.offset) : problem.offset;
        const to = endOfLine(text, Math.max(from, problem.offset));
        cursor = Math.max(to, problem.end);
        if (problem.error) {
            recorded.push(problem.error);
        }
        if (text.slice(from, to).trim() !== '') {
            text = text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
            result = parse(text);
            budget -= text.length;
        }
    }
    // The syntax tree reads as the document does; only the parser saw the blanked lines.
    (result.value.$cstNode as unknown as { _text: string })._text = input;
    const dropped = result.parserErrors.some(endsAtEndOfFile) ? dropOpenDeclaration(result.value) : undefined;
    // The tokens skipped inside a dropped declaration are still errors.
    const skipped = dropped ? AstUtils.streamAst(dropped).filter(isReportedStray).map(strayError).toArray() : [];
    return { ...result, lexerErrors, parserErrors: [...recorded, ...skipped, ...result.parserErrors.filter(e => (positionedOffset(e) ?? Infinity) >= cursor)] };
}

/** A parser error (recorded), a token skipped between declarations (reported as a Stray) or a character the lexer skipped (reported as such). */
interface Problem {
    offset: number;
    end: number;
    error?: IRecognitionException;
    stray?: Stray;
}

/** The first problem at or after `cursor`. */
function firstProblem(result: ParseResult<AstNode>, lexerErrors: ParseResult['lexerErrors'], cursor: number): Problem | undefined {
    let first: Problem | undefined;
    for (const error of lexerErrors) {
        if (error.offset >= cursor && (!first || error.offset < first.offset)) {
            first = { offset: error.offset, end: error.offset + error.length };
        }
    }
    for (const error of result.parserErrors) {
        const offset = positionedOffset(error);
        if (offset !== undefined && offset >= cursor && (!first || offset < first.offset)) {
            first = { offset, end: offset + error.token.image.length, error };
        }
    }
    // Only tokens skipped between declarations: inside a body, a skipped token is followed by the next item, which
    // the reference reads on the same line too.
    // Those are the module's own children: walking the whole tree for them cost a tenth of each parse of a large file.
    for (const stray of AstUtils.streamContents(result.value).filter(isReportedStray)) {
        const cst = stray.$cstNode;
        if (cst && cst.offset >= cursor && (!first || cst.offset < first.offset)) {
            first = { offset: cst.offset, end: cst.end, stray };
        }
    }
    return first;
}

function isReportedStray(node: AstNode): node is Stray {
    return isStray(node) && !isStrayBlock(node) && !node.token.startsWith('--');
}

/** Braces open before `offset`, outside strings and comments: 0 means between declarations. */
function braceDepth(text: string, offset: number): number {
    let depth = 0;
    for (const match of text.slice(0, offset).matchAll(/"(?:\\.|[^"\\\n])*"?|--[^\n]*|[{}]/g)) {
        depth = match[0] === '{' ? depth + 1 : match[0] === '}' ? Math.max(0, depth - 1) : depth;
    }
    return depth;
}

function strayError(stray: Stray): IRecognitionException {
    const cst = stray.$cstNode!;
    const token = {
        image: cst.text, startOffset: cst.offset, endOffset: cst.end - 1, startLine: cst.range.start.line + 1, startColumn: cst.range.start.character + 1,
        endLine: cst.range.end.line + 1, endColumn: cst.range.end.character, tokenType: { name: 'Stray' }
    } as IToken;
    return { name: 'Stray', message: strayMessage(stray), token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
}

/** Where an error's token starts; undefined at the end of the file. */
function positionedOffset(error: IRecognitionException): number | undefined {
    const offset = error.token.startOffset;
    return error.token.tokenType?.name !== 'EOF' && Number.isFinite(offset) && offset >= 0 ? offset : undefined;
}

function endsAtEndOfFile(error: IRecognitionException): boolean {
    return error.token.tokenType?.name === 'EOF';
}

/** Removes the last declaration, and returns it, if its closing brace is missing. */
function dropOpenDeclaration(root: AstNode): Declaration | undefined {
    if (!isModule(root) || root.declarations.length === 0) {
        return undefined;
    }
    const last: Declaration = root.declarations[root.declarations.length - 1];
    const text = last.$cstNode?.text ?? '';
    return /\{/.test(text) && !text.trimEnd().endsWith('}') ? root.declarations.pop() : undefined;
}

/**
 * Where the broken header holding `offset` starts: its line, or the line before when the error is at the start of
 * a line (`rule A` with its `{` missing, then `when:`), so that the declaration the header began goes too.
 */
function headerStart(text: string, offset: number): number {
    const lineStart = startOfLine(text, offset);
    if (text.slice(lineStart, offset).trim() !== '') {
        return lineStart;
    }
    for (let end = lineStart; end > 0;) {
        const start = startOfLine(text, end - 1);
        const line = text.slice(start, end).trim();
        if (line !== '' && !line.startsWith('--')) {
            return start;
        }
        end = start;
    }
    return lineStart;
}
