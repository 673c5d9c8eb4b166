import type { IRecognitionException, IToken } from 'chevrotain';
import { AstUtils, type AstNode, type ParseResult } from 'langium';
import { isModule, isStray, isStrayBlock, type Declaration, type Stray } from './generated/ast.js';
import { strayMessage } from './validation/syntax-validator.js';

/** Re-parses are whole-file; past these, the parser's own token-level recovery handles the remaining errors. */
const MAX_REPARSES = 24;
const MAX_REPARSED_CHARACTERS = 4_000_000;

/**
 * Recovers from syntax errors as the reference checker does: one error per line, parsing resumes on the next
 * line. The first error is recorded, the rest of its line is blanked out (spaces, so every offset stays) and the
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
    for (let i = 0, budget = MAX_REPARSED_CHARACTERS; i < MAX_REPARSES && budget > 0; i++, budget -= text.length) {
        const first = earliest(result.parserErrors);
        const offset = first && positionedOffset(first);
        // At INDENT/DEDENT the problem is an unfinished line before, not the line where the next code starts.
        if (offset === undefined || first!.token.image === '') {
            break;
        }
        const end = endOfLine(text, offset);
        if (text.slice(offset, end).trim() === '') {
            break;
        }
        recorded.push(first!);
        text = text.slice(0, offset) + ' '.repeat(end - offset) + text.slice(end);
        result = parse(text);
    }
    // The syntax tree reads as the document does; only the parser saw the blanked lines.
    (result.value.$cstNode as unknown as { _text: string })._text = input;
    const dropped = result.parserErrors.some(endsAtEndOfFile) ? dropOpenDeclaration(result.value) : undefined;
    // The tokens skipped inside a dropped declaration are still errors.
    const skipped = dropped ? AstUtils.streamAst(dropped).filter(isStray).filter(s => !isStrayBlock(s) && !s.token.startsWith('--')).map(strayError).toArray() : [];
    return { ...result, lexerErrors, parserErrors: [...recorded, ...skipped, ...result.parserErrors] };
}

function strayError(stray: Stray): IRecognitionException {
    const cst = stray.$cstNode!;
    const token = {
        image: cst.text, startOffset: cst.offset, endOffset: cst.end - 1, startLine: cst.range.start.line + 1, startColumn: cst.range.start.character + 1,
        endLine: cst.range.end.line + 1, endColumn: cst.range.end.character, tokenType: { name: 'Stray' }
    } as IToken;
    return { name: 'Stray', message: strayMessage(stray), token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
}

function earliest(errors: IRecognitionException[]): IRecognitionException | undefined {
    let first: IRecognitionException | undefined;
    for (const error of errors) {
        const offset = positionedOffset(error);
        if (offset !== undefined && (first === undefined || offset < positionedOffset(first)!)) {
            first = error;
        }
    }
    return first ?? errors[0];
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

function endOfLine(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
        i++;
    }
    return i;
}
