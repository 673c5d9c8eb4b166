import type { CustomPatternMatcherReturn, IToken, TokenType } from 'chevrotain';
import { IndentationAwareTokenBuilder, type GrammarAST, type TokenBuilderOptions } from 'langium';
import type { AlliumTerminalNames, AlliumKeywordNames } from './generated/ast.js';

interface OpenBlock {
    /** Brace nesting when the block opened: a `}` at that depth or shallower closes the block. */
    braceDepth: number;
}

/**
 * Langium's indentation-aware lexer, narrowed to Allium's rules: only a colon that ends a line
 * (`ensures:`, `for x in xs:`, `if c:`, `exposes:` ...) opens an indented block, so continuation
 * lines and brace bodies keep free layout. Inside parentheses or brackets indentation is ignored.
 *
 * It also makes two context-sensitive tokens: `<` glued to a word starts generic arguments
 * (`Set<T>`, while `a < b` compares), and the indented `--` lines after `@guidance`,
 * `@invariant Name` or `@guarantee Name` are PROSE tokens, so annotation bodies are AST nodes.
 */
export class AlliumTokenBuilder extends IndentationAwareTokenBuilder<AlliumTerminalNames, AlliumKeywordNames> {
    private openBlocks: OpenBlock[] = [];
    private scanned = 0;
    private parenDepth = 0;
    private braceDepth = 0;
    private proseColumn = -1;

    constructor() {
        super({ indentTokenName: 'INDENT', dedentTokenName: 'DEDENT', whitespaceTokenName: 'WS' });
    }

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions) {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        // Context-sensitive tokens must be tried before the keywords `<` and `-`.
        const first = tokens.filter(t => t.name === 'PROSE' || t.name === 'GENERIC_LT');
        const indentation = tokens.filter(t => t.name === 'INDENT' || t.name === 'DEDENT');
        const rest = tokens.filter(t => !first.includes(t) && !indentation.includes(t));
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

    protected override indentMatcher(text: string, offset: number, tokens: IToken[]): ReturnType<IndentationAwareTokenBuilder['indentMatcher']> {
        if (!this.isStartOfLine(text, offset)) {
            return null;
        }
        const indent = this.lineIndent(text, offset);
        if (indent === undefined) {
            return null;
        }
        this.scan(tokens);
        const last = tokens[tokens.length - 1];
        if (!last || last.image !== ':' || last.tokenType.name !== ':' || this.parenDepth > 0) {
            return null;
        }
        const colonLineIndent = this.lineIndent(text, startOfLine(text, last.startOffset)) ?? 0;
        if (indent <= colonLineIndent) {
            return null;
        }
        this.indentationStack.push(indent);
        this.openBlocks.push({ braceDepth: this.braceDepth });
        return [text.slice(offset, offset + indent)] as unknown as RegExpExecArray;
    }

    protected override dedentMatcher(text: string, offset: number, tokens: IToken[]): ReturnType<IndentationAwareTokenBuilder['dedentMatcher']> {
        if (this.openBlocks.length === 0) {
            return null;
        }
        const atLineStart = this.isStartOfLine(text, offset);
        const closesBrace = text.charCodeAt(offset) === 125 /* } */;
        if (!atLineStart && !closesBrace) {
            return null;
        }
        this.scan(tokens);
        if (atLineStart && this.parenDepth === 0) {
            const indent = this.lineIndent(text, offset);
            if (indent !== undefined) {
                while (this.openBlocks.length > 0 && this.indentationStack[this.indentationStack.length - 1] > indent) {
                    this.closeBlock(text, offset + indent, tokens);
                }
            }
        }
        if (closesBrace) {
            while (this.openBlocks.length > 0 && this.openBlocks[this.openBlocks.length - 1].braceDepth >= this.braceDepth) {
                this.closeBlock(text, offset, tokens);
            }
        }
        return null;
    }

    override flushRemainingDedents(text: string): IToken[] {
        this.openBlocks = [];
        this.scanned = 0;
        this.parenDepth = 0;
        this.braceDepth = 0;
        this.proseColumn = -1;
        return super.flushRemainingDedents(text);
    }

    private closeBlock(text: string, offset: number, tokens: IToken[]): void {
        tokens.push(this.createIndentationTokenInstance(this.dedentTokenType, text, '', offset));
        this.indentationStack.pop();
        this.openBlocks.pop();
        this.scanned = tokens.length;
    }

    /** Tracks bracket nesting over the tokens lexed since the last call. */
    private scan(tokens: IToken[]): void {
        for (; this.scanned < tokens.length; this.scanned++) {
            switch (tokens[this.scanned].image) {
                case '(': case '[': this.parenDepth++; break;
                case ')': case ']': this.parenDepth = Math.max(0, this.parenDepth - 1); break;
                case '{': this.braceDepth++; break;
                case '}': this.braceDepth = Math.max(0, this.braceDepth - 1); break;
            }
        }
    }

    /** Indentation of the line starting at `lineStart`, or undefined for blank and comment-only lines. */
    private lineIndent(text: string, lineStart: number): number | undefined {
        let i = lineStart;
        while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
            i++;
        }
        if (i >= text.length || text[i] === '\n' || text[i] === '\r' || text.startsWith('--', i)) {
            return undefined;
        }
        return i - lineStart;
    }
}

function isAnnotationKind(image: string | undefined): boolean {
    return image === 'guidance' || image === 'invariant' || image === 'guarantee';
}

function isWordChar(code: number): boolean {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function startOfLine(text: string, offset: number): number {
    let i = offset;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
        i--;
    }
    return i;
}

function endOfLine(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
        i++;
    }
    return i;
}
