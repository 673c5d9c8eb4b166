import type { IRecognitionException, IToken } from 'chevrotain';
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type ParseResult } from 'langium';
import { isExpression, isModule, isStray, isStrayBlock, isTriggerClause, type Declaration, type Stray, type TriggerClause } from './generated/ast.js';
import { strayMessage } from './validation/syntax-validator.js';
import { isBoundError } from './nesting-limit.js';
import { endOfLine, startOfLine } from './line-bounds.js';
import { unclosedParenMessage } from './parser-messages.js';

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
export function recoverLineByLine(input: string, parse: (text: string, rule?: string) => ParseResult<AstNode>): ParseResult<AstNode> {
    let text = input;
    let result = parse(text);
    const lexerErrors = result.lexerErrors;
    const recorded: IRecognitionException[] = [];
    let cursor = 0;
    const reparses = input.length > MAX_RECOVERED_CHARACTERS || lexerErrors.some(isBoundError) ? 0 : MAX_REPARSES;
    for (let i = 0, budget = MAX_REPARSED_CHARACTERS; i < reparses && budget > 0; i++) {
        const found = firstProblem(result, lexerErrors, cursor);
        // At INDENT/DEDENT the problem is an unfinished line before, not the line where the next code starts.
        if (!found || found.error?.token.image === '') {
            break;
        }
        const committed = startsConstruct(found.image) ? committedProblem(text, found, parse) : undefined;
        budget -= startsConstruct(found.image) ? declarationEnd(text, found.offset) - found.offset : 0;
        if (found.inBody && !committed) {
            // A token skipped inside a body is reported by the syntax validator, and the next item read as usual.
            cursor = found.end;
            continue;
        }
        const problem = committed ?? found;
        // A skipped token stays in the tree as a Stray, which the syntax validator reports; an error is recorded;
        // a character the lexer skipped is broken code like an error, and already reported.
        // An error between declarations is in a declaration's header: the whole line goes, so that the next line
        // can start a declaration of its own rather than finish the broken one.
        // A construct that broke at the brace closing it goes whole, up to that brace: the reference resumes after it.
        const wholeConstruct = committed !== undefined && committed.blankTo === undefined && text[committed.offset] === '}';
        const from = wholeConstruct ? found.offset
            : problem.blankFrom ?? (problem.stray ? problem.end : braceDepth(text, problem.offset) === 0 ? headerStart(text, problem.offset) : problem.offset);
        const to = wholeConstruct ? committed.end : problem.blankTo ?? endOfLine(text, Math.max(from, problem.offset));
        // Read again from where the problem says only when the text changed, or the same problem would come back.
        cursor = problem.rescan !== undefined && text.slice(from, to).trim() !== '' ? problem.rescan : Math.max(to, problem.end);
        if (problem.error) {
            recorded.push(problem.error);
        }
        // A skipped `(` the reference read as continuing the expression before it goes with the error it led to.
        const strayParen = committed && found.inBody && found.image === '(' ? found : undefined;
        if (text.slice(from, to).trim() !== '' || strayParen) {
            text = blank(strayParen ? blank(text, strayParen.offset, strayParen.end) : text, from, to);
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
    /** The token's text, for a parser error or a Stray. */
    image?: string;
    /** A token skipped inside a declaration's body. */
    inBody?: boolean;
    /** Where the text to skip starts, when not at the problem (a `when:` read as a guard goes from its `when`). */
    blankFrom?: number;
    /** Where it ends, when not at the end of the problem's line. */
    blankTo?: number;
    /** Where the next problem is looked for, when not after this one: a graph goes on after an edge it dropped. */
    rescan?: number;
}

/**
 * The reference parser reads one token ahead: the first token of an item selects the construct, and a `(` after an
 * expression continues it, so an error inside is reported where the construct breaks. Ours looks further ahead and
 * finds no construct that fits at its first token, so the error sits on the construct's first line instead
 * (`transitions status {` for an edge missing its target three lines on). Parsing the text from that token as the
 * construct it starts finds where it breaks; when it parses whole, the first token was the problem after all.
 */
function committedProblem(text: string, problem: Problem, parse: (text: string, rule?: string) => ParseResult<AstNode>): Problem | undefined {
    const rule = CONSTRUCTS[braceDepth(text, problem.offset) === 0 ? 'declaration' : 'item'][problem.image ?? ''];
    if (!rule) {
        return undefined;
    }
    const from = problem.offset;
    // Up to the next declaration: a construct does not reach past it, and the parse stays as cheap as the construct.
    const end = declarationEnd(text, from);
    const group = rule === 'Expression' && opensGroup(text, from);
    const first = group ? groupError(text, from, end, parse)
        : rule === 'Expression' ? callArgumentsError(text, from, end, parse) : probe(parse, blank(text, 0, from).slice(0, end), rule)?.parserErrors[0];
    // A clause left empty (`terminal:` then the graph's `}`) fails at the token after it, where the reference reports it.
    const offset = first && first.name !== 'NotAllInputParsedException' && (first.token.image !== '' || first.token.tokenType?.name === 'EMPTY_VALUE')
        ? positionedOffset(first) : undefined;
    // On the construct's first line the error is where it was; at a `}` that closes what holds the construct (a
    // binding clause missing its `:` before the surface's `}`), the reference also reports the construct itself.
    if (!first || offset === undefined || (!group && offset <= endOfLine(text, from))
        || (text[offset] === '}' && rule !== 'Expression' && braceDepth(text, offset) <= braceDepth(text, from))) {
        return undefined;
    }
    const broken = { offset, end: offset + Math.max(1, first.token.image.length), error: first };
    if (group) {
        // The item holding the group goes, from its line up to the end of the line where `)` was missed (a `}` there
        // with it), as the reference drops it.
        return { ...broken, blankFrom: skipBlank(text, startOfLine(text, from)), blankTo: endOfLine(text, offset) };
    }
    if (rule !== 'TransitionsBlock' || text[offset] === '}') {
        return broken;
    }
    // A graph broken elsewhere than at an arrow goes up to its broken line; what follows is read as the entity's items.
    const edge = edgeWithoutArrow(first, text);
    return edge ? { ...broken, ...edge, rescan: from } : { ...broken, blankFrom: from, blankTo: endOfLine(text, offset) };
}

/**
 * In a transition graph, an edge whose source is not followed by `->` (`shipped  delivered`, `a (` or `a` alone
 * before the next edge) is dropped as the reference drops it: from its source to the end of the line where the `->`
 * was missed, or only its source when the graph's `}` follows; the graph goes on.
 */
function edgeWithoutArrow(error: IRecognitionException, text: string): Pick<Problem, 'blankFrom' | 'blankTo'> | undefined {
    const source = (error as { previousToken?: IToken }).previousToken;
    if (error.name !== 'MismatchedTokenException' || !error.message.startsWith("Expected '->'") || !source || !Number.isFinite(source.startOffset)) {
        return undefined;
    }
    const at = error.token.startOffset;
    return { blankFrom: source.startOffset, blankTo: text[at] === '}' ? source.startOffset + source.image.length : endOfLine(text, at) };
}

/**
 * Where a group opened by the `(` at `from` breaks, read as the reference reads it: what follows the `(` is one
 * expression, and then `)` must come, on whatever line. Undefined when the group closes.
 */
function groupError(text: string, from: number, end: number, parse: (text: string, rule?: string) => ParseResult<AstNode>): IRecognitionException | undefined {
    const first = probe(parse, blank(text, 0, skipBlank(text, from + 1)).slice(0, end), 'Expression')?.parserErrors[0];
    if (!first || first.name !== 'NotAllInputParsedException') {
        return first;
    }
    return first.token.image === ')' ? undefined : { ...first, name: 'MismatchedTokenException', message: unclosedParenMessage(first.token) };
}

/**
 * Whether the `(` at `offset` opens a group (`requires: (a or b)`, `a and (b`), not the arguments of a call: no name
 * but an operator word, nor a bracket, just before it.
 */
function opensGroup(text: string, offset: number): boolean {
    const before = /(\w+|[)\]])?\s*$/.exec(text.slice(Math.max(0, offset - 200), offset))?.[1];
    return before === undefined || OPERATOR_WORDS.has(before);
}

const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'implies', 'in', 'where', 'when', 'if', 'else', 'exists', 'with', 'becomes', 'transitions_to']);

/** Arguments read before giving up on finding where a call breaks. */
const MAX_ARGUMENTS = 256;

/**
 * Where the arguments of the call opened by the `(` at `from` break, read as the reference reads them: `name: value`
 * or a value, each followed by an optional comma, on whatever lines, up to `)`. Our parser looks further ahead and
 * does not enter a call that never closes, so each argument is parsed on its own. Undefined when the call closes
 * or runs on into the next declaration.
 */
function callArgumentsError(text: string, from: number, end: number, parse: (text: string, rule?: string) => ParseResult<AstNode>): IRecognitionException | undefined {
    let at = skipBlank(text, from + 1);
    for (let i = 0; i < MAX_ARGUMENTS && at < end && text[at] !== ')'; i++) {
        // `word:` names the argument, whatever the word (`ensures: Done()` too); its value follows, on whatever line.
        const named = /^[A-Za-z_]\w*[ \t]*:(?!:)/.exec(text.slice(at, at + 200));
        at = named ? skipBlank(text, at + named[0].length) : at;
        const first = probe(parse, blank(text, 0, at).slice(0, end), 'Expression')?.parserErrors[0];
        if (!first || first.name !== 'NotAllInputParsedException') {
            return first;
        }
        at = skipBlank(text, first.token.startOffset);
        at = text[at] === ',' ? skipBlank(text, at + 1) : at;
    }
    return undefined;
}

/** The offset of the first character at or after `at` that is neither white space nor in a `--` comment. */
function skipBlank(text: string, at: number): number {
    const blankRun = /(?:\s|--[^\n]*)*/y;
    blankRun.lastIndex = at;
    blankRun.exec(text);
    return blankRun.lastIndex;
}

/**
 * Parses `text` from the inner grammar rule `rule`, or gives undefined when the parser throws. Started below the
 * entry rule, Langium's parser can lose track of the node it is building when Chevrotain's recovery unwinds to that
 * rule (`(path: <o` as an Expression); the whole-file parses never start there. The construct's first token then
 * stays the problem, as when the construct parses whole.
 */
function probe(parse: (text: string, rule?: string) => ParseResult<AstNode>, text: string, rule: string): ParseResult<AstNode> | undefined {
    try {
        return parse(text, rule);
    } catch {
        return undefined;
    }
}

/** The grammar rule each first token selects, between declarations and inside a body; `(` continues an expression. */
const CONSTRUCTS: Record<'declaration' | 'item', Record<string, string>> = {
    declaration: {
        entity: 'EntityDecl', external: 'EntityDecl', value: 'ValueDecl', enum: 'EnumDecl', variant: 'VariantDecl', rule: 'RuleDecl',
        surface: 'SurfaceDecl', actor: 'ActorDecl', contract: 'ContractDecl', config: 'ConfigDecl', given: 'GivenDecl',
        default: 'DefaultDecl', use: 'UseDecl', deferred: 'DeferredDecl', invariant: 'InvariantDecl', open: 'OpenQuestion'
    },
    item: {
        transitions: 'TransitionsBlock', for: 'ForBlock', if: 'IfBlock', let: 'LetItem', '@': 'Annotation', when: 'TriggerClause',
        contracts: 'ContractsClause', facing: 'BindingClause', context: 'BindingClause', invariant: 'EntityInvariant',
        open: 'OpenQuestion', '(': 'Expression'
    }
};

function startsConstruct(image: string | undefined): boolean {
    return Object.hasOwn(CONSTRUCTS.declaration, image ?? '') || Object.hasOwn(CONSTRUCTS.item, image ?? '');
}

/** Where the line after `offset` that starts a declaration (a word at its first column) begins, or the end of the text. */
function declarationEnd(text: string, offset: number): number {
    const next = /\n(?=[A-Za-z])/g;
    next.lastIndex = endOfLine(text, offset);
    const match = next.exec(text);
    return match ? match.index + 1 : text.length;
}

/** `text` with its characters from `from` to `to` as spaces, line breaks kept, so that every offset stays. */
export function blank(text: string, from: number, to: number): string {
    return text.slice(0, from) + text.slice(from, to).replace(/[^\r\n]/g, ' ') + text.slice(to);
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
            first = { offset, end: offset + error.token.image.length, error, image: error.token.image };
        }
    }
    // Tokens skipped between declarations; inside a body, a skipped token is followed by the next item, which the
    // reference reads on the same line too, unless the token starts a construct (see committedProblem).
    for (const clause of AstUtils.streamAst(result.value).filter(isTriggerClause)) {
        const colon = guardColon(clause);
        if (colon && colon.offset >= cursor && (!first || colon.offset < first.offset)) {
            const error = syntaxError(colon, GUARD_COLON_MESSAGE);
            first = { offset: colon.offset, end: colon.end, error, image: ':', blankFrom: clause.$cstNode!.offset };
        }
    }
    for (const stray of AstUtils.streamAst(result.value).filter(isReportedStray)) {
        const cst = stray.$cstNode;
        const inBody = !isModule(stray.$container);
        if (cst && cst.offset >= cursor && (!first || cst.offset < first.offset) && (!inBody || startsConstruct(cst.text))) {
            first = { offset: cst.offset, end: cst.end, stray, image: cst.text, inBody };
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

const GUARD_COLON_MESSAGE = "Expected an expression after 'when', found ':'. After an expression, 'when' continues it as a guard ('value when condition'), even on the next line; a rule's trigger 'when:' comes before its other clauses.";

/**
 * The `:` of a `when:` clause that follows an expression: the reference reads `when` there as the guard of that
 * expression (`ensures: Done()` then `when: Ping()` is `Done() when`), whatever the line breaks, and fails at `:`.
 */
function guardColon(clause: TriggerClause): CstNode | undefined {
    const cst = clause.$cstNode;
    const root = cst?.root;
    let before = cst && root && cst.offset > 0 ? CstUtils.findLeafNodeBeforeOffset(root, cst.offset - 1) : undefined;
    while (before && (before.hidden || before.length === 0) && before.offset > 0) {
        before = CstUtils.findLeafNodeBeforeOffset(root!, before.offset - 1);
    }
    return before && !before.hidden && before.length > 0 && before.end <= cst!.offset && isExpression(before.astNode)
        ? GrammarUtils.findNodeForKeyword(cst, ':') : undefined;
}

function strayError(stray: Stray): IRecognitionException {
    return syntaxError(stray.$cstNode!, strayMessage(stray));
}

/** A syntax error at `cst`, in the shape of the parser's. */
function syntaxError(cst: CstNode, message: string): IRecognitionException {
    const token = {
        image: cst.text, startOffset: cst.offset, endOffset: cst.end - 1, startLine: cst.range.start.line + 1, startColumn: cst.range.start.character + 1,
        endLine: cst.range.end.line + 1, endColumn: cst.range.end.character, tokenType: { name: 'Stray' }
    } as IToken;
    return { name: 'Stray', message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
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
