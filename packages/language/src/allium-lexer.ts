import { createTokenInstance, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { DefaultLexer, IndentationAwareLexer, IndentationAwareTokenBuilder, type GrammarAST, type LexerResult, type TokenBuilderOptions, type TokenizeOptions } from 'langium';
import type { AlliumTerminalNames, AlliumKeywordNames } from './generated/ast.js';
import { limitNesting } from './nesting-limit.js';
import { endOfLine, startOfLine } from './line-bounds.js';

/**
 * Langium's indentation-aware token builder, narrowed to Allium's rules: only a colon that ends a line
 * (`ensures:`, `for x in xs:`, `if c:`, `exposes:` ...) opens an indented block, so continuation
 * lines and brace bodies keep free layout; inside parentheses or brackets indentation is ignored.
 * The INDENT/DEDENT tokens are placed by {@link AlliumLexer} after lexing, which keeps Chevrotain's
 * first-character optimisation.
 *
 * It also makes two context-sensitive tokens: `<` glued to a word starts generic arguments
 * (`Set<T>`, while `a < b` compares), and the indented `--` lines after `@guidance`,
 * `@invariant Name` or `@guarantee Name` are PROSE tokens, so annotation bodies are AST nodes.
 */
export class AlliumTokenBuilder extends IndentationAwareTokenBuilder<AlliumTerminalNames, AlliumKeywordNames> {
    private proseColumn = -1;

    constructor() {
        super({ indentTokenName: 'INDENT', dedentTokenName: 'DEDENT', whitespaceTokenName: 'WS' });
    }

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions) {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        // Context-sensitive tokens must be tried before the keywords `<` and `-`.
        const first = tokens.filter(t => t.name === 'PROSE' || t.name === 'GENERIC_LT');
        const indentation = tokens.filter(t => t.name === 'INDENT' || t.name === 'DEDENT' || t.name === 'EMPTY_VALUE');
        const rest = tokens.filter(t => !first.includes(t) && !indentation.includes(t));
        for (const type of indentation) {
            type.PATTERN = Lexer.NA;
        }
        return [...indentation, ...first, ...rest];
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        if (terminal.name === 'GENERIC_LT') {
            return { name: 'GENERIC_LT', PATTERN: (text: string, offset: number) => this.matchGenericLt(text, offset), START_CHARS_HINT: ['<'], LINE_BREAKS: false } as TokenType;
        }
        if (terminal.name === 'PROSE') {
            return { name: 'PROSE', PATTERN: (text: string, offset: number, tokens: IToken[]) => this.matchProse(text, offset, tokens), START_CHARS_HINT: ['-'], LINE_BREAKS: false } as TokenType;
        }
        return super.buildTerminalToken(terminal);
    }

    private matchGenericLt(text: string, offset: number): CustomPatternMatcherReturn | null {
        if (text.charCodeAt(offset) !== 60 /* < */ || offset === 0 || !isWordChar(text.charCodeAt(offset - 1))) {
            return null;
        }
        return ['<'] as unknown as CustomPatternMatcherReturn;
    }

    private matchProse(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
        if (!text.startsWith('--', offset)) {
            return null;
        }
        const lineStart = startOfLine(text, offset);
        if (text.slice(lineStart, offset).trim() !== '') {
            return null;
        }
        const column = offset - lineStart;
        const last = tokens[tokens.length - 1];
        if (!last) {
            return null;
        }
        if (last.tokenType.name !== 'PROSE') {
            const at = tokens[tokens.length - 2]?.image === '@' ? tokens[tokens.length - 2]
                : tokens[tokens.length - 3]?.image === '@' ? tokens[tokens.length - 3] : undefined;
            if (!at || !isAnnotationKind(tokens[tokens.indexOf(at) + 1]?.image)) {
                return null;
            }
            this.proseColumn = (at.startColumn ?? 1) - 1;
        }
        const end = endOfLine(text, offset);
        const line = text.slice(offset, end);
        if (column <= this.proseColumn || !(line === '--' || line.startsWith('-- ') || /^--\s*$/.test(line))) {
            return null;
        }
        return [line] as unknown as CustomPatternMatcherReturn;
    }

}

/**
 * Runs the Chevrotain lexer, then inserts INDENT/DEDENT around colon-opened blocks in one pass over the
 * tokens: a block's lines are indented relative to the line that starts the statement holding the colon, blank
 * and comment lines never count (comments are hidden tokens), and a closing `}` ends every block opened inside
 * its braces. A statement continues on lines indented deeper than its first (`for x in xs where a` then
 * `    and b:`), so the block after such a continuation may sit at the continuation's own indentation. Nesting and
 * expression length are then bounded (see {@link limitNesting}).
 */
export class AlliumLexer extends IndentationAwareLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        // A UTF-8 byte order mark lexes as a space: the same length, so offsets stay those of the text, which keeps it.
        const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
        const result = DefaultLexer.prototype.tokenize.call(this, source, options);
        const limited = limitNesting(this.withIndentation(result.tokens));
        result.tokens = limited.tokens;
        result.errors.push(...limited.errors);
        return result;
    }

    private withIndentation(tokens: IToken[]): IToken[] {
        const { indentTokenType, dedentTokenType } = this.indentationTokenBuilder;
        const out: IToken[] = [];
        const blocks: Array<{ indent: number; braceDepth: number }> = [];
        let parenDepth = 0;
        let braceDepth = 0;
        let statementIndent = 0;
        let previous: IToken | undefined;
        let lineStart: IToken | undefined;
        const emptyValue = this.definition['EMPTY_VALUE'];
        const synthetic = (type: TokenType, at: IToken) =>
            createTokenInstance(type, '', at.startOffset, at.startOffset - 1, at.startLine ?? 1, at.startLine ?? 1, at.startColumn ?? 1, (at.startColumn ?? 1) - 1);

        for (const token of tokens) {
            if (!previous || (token.startLine ?? 0) > (previous.endLine ?? 0)) {
                const indent = (token.startColumn ?? 1) - 1;
                if (parenDepth === 0) {
                    if (indent <= statementIndent && endsEmptyClause(previous, lineStart, out)) {
                        out.push(synthetic(emptyValue, token));
                    }
                    while (blocks.length > 0 && blocks[blocks.length - 1].indent > indent) {
                        out.push(synthetic(dedentTokenType, token));
                        blocks.pop();
                    }
                    const opensBlock = previous?.tokenType.name === ':' && indent > statementIndent;
                    if (opensBlock) {
                        out.push(synthetic(indentTokenType, token));
                        blocks.push({ indent, braceDepth });
                    }
                    if (opensBlock || indent <= statementIndent || previous?.image === '{') {
                        statementIndent = indent;
                    }
                }
                lineStart = token;
            }
            switch (token.image) {
                case '(': case '[': parenDepth++; break;
                case ')': case ']': parenDepth = Math.max(0, parenDepth - 1); break;
                case '{': braceDepth++; break;
                case '}':
                    while (blocks.length > 0 && blocks[blocks.length - 1].braceDepth >= braceDepth) {
                        out.push(synthetic(dedentTokenType, token));
                        blocks.pop();
                    }
                    braceDepth = Math.max(0, braceDepth - 1);
                    break;
            }
            out.push(token);
            previous = token;
        }
        const end = previous;
        for (; end && blocks.length > 0; blocks.pop()) {
            out.push(createTokenInstance(dedentTokenType, '', end.endOffset! + 1, end.endOffset!, end.endLine ?? 1, end.endLine ?? 1, (end.endColumn ?? 0) + 1, end.endColumn ?? 0));
        }
        return out;
    }
}

/**
 * Whether the line just finished is a clause with nothing after its colon, whose value must then be indented below
 * it: `name:` (`exposes:`, `when:`), `facing name:`, `name(params):`, `owner.name:`, or `let name =`. The reference
 * reads each of these, followed by a line that is not indented further, as an empty block. `else:` is not a clause:
 * like `for ...:` and `if ...:` it may take the next line.
 */
function endsEmptyClause(last: IToken | undefined, lineStart: IToken | undefined, out: IToken[]): boolean {
    if (lineStart === undefined || (last?.tokenType.name !== ':' && last?.image !== '=')) {
        return false;
    }
    let start = out.length - 1;
    while (start > 0 && out[start] !== lineStart) {
        start--;
    }
    const line = out.slice(start).map(token => token.image);
    if (line[line.length - 1] === '=') {
        return line.length === 3 && line[0] === 'let' && isWord(line[1]);
    }
    const head = line.slice(0, -1);
    if (head.length === 1) {
        return isWord(head[0]) && head[0] !== 'else';
    }
    if (head.length === 2) {
        return (head[0] === 'facing' || head[0] === 'context') && isWord(head[1]);
    }
    if (head[1] === '.') {
        return head.length === 3 && isWord(head[0]) && isWord(head[2]);
    }
    return isWord(head[0]) && head[1] === '(' && head[head.length - 1] === ')' && isParameterList(head.slice(2, -1));
}

/** `a, b, c` or nothing, as between the parentheses of `name(params):`. */
function isParameterList(images: string[]): boolean {
    return images.length === 0 || (images.length % 2 === 1 && images.every((image, i) => (i % 2 === 0 ? isWord(image) : image === ',')));
}

function isWord(image: string): boolean {
    return /^[A-Za-z_]\w*$/.test(image);
}

function isAnnotationKind(image: string | undefined): boolean {
    return image === 'guidance' || image === 'invariant' || image === 'guarantee';
}

function isWordChar(code: number): boolean {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
