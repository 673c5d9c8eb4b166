import type { ILookaheadStrategy, IRecognitionException, IToken } from 'chevrotain';
import { CompositeCstNodeImpl, createParser, LangiumParser, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import { BinaryExpr, isBinaryExpr } from './generated/ast.js';
import { AlliumCstNodeBuilder, keepComposite } from './cst-builder.js';
import { tooLargeToParse } from './document-budget.js';
import { blank, recoverLineByLine } from './line-recovery.js';
import { endOfLine } from './line-bounds.js';
import { LazyLookaheadStrategy } from './lazy-lookahead.js';
import { boundPredictions } from './prediction-bound.js';
import { withoutRecovery, withoutStrays } from './strict-parser.js';
import { finalizeWithFollows, type FollowTable } from './resync-follows.js';

/** Whole-file parses that throw are read again at most this often, each time without one more broken line's rest. */
const MAX_BROKEN_RECOVERIES = 16;

/** The follow sets `npm run build` recorded into the bundles (esbuild.mjs); undefined when running from the sources. */
declare const ALLIUM_RESYNC_FOLLOWS: FollowTable | undefined;
const BUILT_FOLLOWS = typeof ALLIUM_RESYNC_FOLLOWS === 'undefined' ? undefined : ALLIUM_RESYNC_FOLLOWS;

/**
 * Langium's parser with a CST builder that stays linear on long lists ({@link AlliumCstNodeBuilder}), a size limit
 * ({@link tooLargeToParse}), and two repairs. Syntax errors are recovered from line by line, as the reference checker
 * does (see line-recovery.ts). And an `infix` rule parses `a + b * c` flat and builds the nested
 * BinaryExprs afterwards, giving every one of them the CST node of the whole chain. Here each inner
 * BinaryExpr gets a CST node of its own, so diagnostics, hovers and selections on `b * c` cover
 * `b * c`. Infix rules are used because they cut the expression rule depth that dominates parse time.
 *
 * A whole file is read first by a second parser of the grammar without its stray alternatives and without error
 * recovery (strict-parser.ts). A file it reads without an error has no stray token, and the full parser, which takes
 * the lowest alternative wherever the grammar is ambiguous, builds the same tree for it (`strict-parse.test.ts`
 * compares them on the corpus and on generated specs); it builds it without following every stray reading of
 * each `name:` block to its end. Any other file is read by the full parser, as before.
 */
export function createAlliumParser(services: LangiumCoreServices, follows = BUILT_FOLLOWS): LangiumParser {
    const parser = decoratedParser(services);
    finalizeWithFollows(parser, follows);
    const { parse } = readerOf(parser);
    // Built at the first parse, not with the services: a server answers `initialize` before it reads a spec.
    let strict: { parser: LangiumParser; parse: LangiumParser['parse'] } | undefined;
    const strictReader = () => strict ??= readerOf(withoutStrays(services.Grammar, () => {
        const built = decoratedParser(services);
        withoutRecovery(built);
        built.finalize();
        return built;
    }));
    // `wrapper` is private; it holds the errors and the token vector of the parse under way.
    const { wrapper } = parser as unknown as { wrapper: { errors: IRecognitionException[] } };
    /** A clean reading by the strict parser, or undefined when it met an error (or the lexer did). */
    const cleanParse = <T extends AstNode>(text: string, options: Parameters<LangiumParser['parse']>[1]): ParseResult<T> | undefined => {
        const { parse: parseStrict } = strictReader();
        try {
            const result = parseStrict<T>(text, options);
            return result.parserErrors.length === 0 && result.lexerErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0 ? result : undefined;
        } catch {
            // Whatever stopped it (a stack overflow on deep input), the full parser reads the file and reports it.
            return undefined;
        }
    };
    /**
     * One parse of the whole file. Langium can lose track of the node it is building when Chevrotain's recovery from
     * a syntax error unwinds out of an alternative that starts with an action (`default R r = { name: = 1 }`), and
     * then throws. The rest of the line from the parse's first error is then left out, as line-recovery.ts leaves
     * out the line of a first error, and the error kept: the file gets its diagnostics instead of none.
     */
    const parseWhole = <T extends AstNode>(text: string, options: Parameters<LangiumParser['parse']>[1], strictFirst: boolean): ParseResult<T> => {
        const clean = strictFirst ? cleanParse<T>(text, options) : undefined;
        if (clean) {
            return clean;
        }
        const skipped: IRecognitionException[] = [];
        for (let read = text; ;) {
            try {
                const result = parse<T>(read, options);
                return skipped.length === 0 ? result : { ...result, parserErrors: [...skipped, ...result.parserErrors] };
            } catch (error) {
                const first = wrapper.errors[0];
                const at = first?.token.startOffset;
                const without = at === undefined || !Number.isFinite(at) ? read : blank(read, at, endOfLine(read, at));
                // Out of stack, the same text would run out again.
                if (error instanceof RangeError || !first || without === read || skipped.length >= MAX_BROKEN_RECOVERIES) {
                    throw error;
                }
                skipped.push(first);
                read = without;
            }
        }
    };
    const recovering = <T extends AstNode>(input: string, options: Parameters<LangiumParser['parse']>[1], strictFirst: boolean) => {
        let tryStrict = strictFirst;
        // A file over the parse limit reads as empty; the document validator says why.
        return recoverLineByLine(tooLargeToParse(input) ? '' : input, (text, rule) => {
            if (rule) {
                return parse<T>(text, { ...options, rule });
            }
            // A file the strict parser could not read has an error or a stray the full parser must recover from;
            // the texts line recovery reads next, with the broken line blanked, mostly still have one.
            const result = parseWhole<T>(text, options, tryStrict);
            tryStrict = false;
            return result;
        }) as ParseResult<T>;
    };
    const dropping = <R>(read: () => R): R => {
        try {
            return read();
        } finally {
            dropTokens(parser);
            dropTokens(strict?.parser);
        }
    };
    parser.parse = <T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]) => dropping(() => recovering<T>(input, options, true));
    readings.set(parser, {
        strict: input => dropping(() => cleanParse(input, undefined)),
        full: input => dropping(() => recovering(input, undefined, false))
    });
    return parser;
}

/** How each Allium parser reads a whole file with each of its two parsers alone. */
const readings = new WeakMap<LangiumParser, { strict(text: string): ParseResult<AstNode> | undefined; full(text: string): ParseResult<AstNode> }>();

function readingsOf(parser: LangiumParser) {
    const found = readings.get(parser);
    if (!found) {
        throw new Error('Not an Allium parser.');
    }
    return found;
}

/**
 * A spec read by an Allium parser's full parser alone, as a file the strict parser cannot read is: for warm-ups
 * (warm-up-specs.ts), which fill the prediction caches of both parsers, and for the tests that compare the two.
 */
export function parseFully(parser: LangiumParser, text: string): ParseResult<AstNode> {
    return readingsOf(parser).full(text);
}

/** A spec read by an Allium parser's strict parser alone, or undefined when it cannot read it without an error. */
export function parseStrictly(parser: LangiumParser, text: string): ParseResult<AstNode> | undefined {
    return readingsOf(parser).strict(text);
}

/** Langium's parser of the grammar as it is at the call, with this module's CST builder and lookahead; not finalized. */
function decoratedParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new LangiumParser(services), services.parser.Lexer.definition);
    // `nodeBuilder` is readonly in Langium's typings; it is only read when a parse starts.
    (parser as unknown as { nodeBuilder: AlliumCstNodeBuilder }).nodeBuilder = new AlliumCstNodeBuilder();
    // `construct` is private in Langium's typings; it is the one place a finished node passes through.
    const internals = parser as unknown as { construct(): unknown };
    const construct = internals.construct.bind(parser);
    internals.construct = () => {
        const result = construct();
        // A plain `$type` test: this runs for every node the parser builds.
        if ((result as AstNode | undefined)?.$type === BinaryExpr.$type) {
            const expr = result as BinaryExpr;
            nestCst(expr, expr.$cstNode as CompositeCstNodeImpl, expr.$cstNode as CompositeCstNodeImpl);
        }
        return result;
    };
    // `wrapper` is private; its strategy is only used by `finalize`, which asks it for every decision's lookahead.
    const wrapper = (parser as unknown as { wrapper: { lookaheadStrategy: ILookaheadStrategy } }).wrapper;
    boundPredictions(parser);
    wrapper.lookaheadStrategy = new LazyLookaheadStrategy(wrapper.lookaheadStrategy);
    return parser;
}

/** The parser with its own `parse`, made safe to call again after a parse that threw. */
function readerOf(parser: LangiumParser): { parser: LangiumParser; parse: LangiumParser['parse'] } {
    const parse = parser.parse.bind(parser);
    const { stack } = parser as unknown as { stack: AstNode[] };
    return {
        parser,
        parse: <T extends AstNode>(text: string, options?: Parameters<LangiumParser['parse']>[1]) => {
            // Langium's node stack, which a parse leaves empty when it finishes; one that threw (a stack overflow, or
            // an error that ended a parse without recovery) leaves its nodes there, and the next parse would build
            // into them.
            stack.length = 0;
            return parse<T>(text, options);
        }
    };
}

/**
 * Chevrotain keeps the token vector (and the errors) of a parser's last parse until its next one: 20 MB for a 1 MB
 * spec, held through its linking and validation, when the tree no longer needs it.
 */
function dropTokens(parser: LangiumParser | undefined): void {
    if (parser) {
        (parser as unknown as { wrapper: { input: IToken[] } }).wrapper.input = [];
    }
}

/** Moves the CST children of each operand of `expr` still on `shared` into a composite of its own, below `parent`. */
function nestCst(expr: BinaryExpr, shared: CstNode, parent: CompositeCstNodeImpl): void {
    for (const side of [expr.left, expr.right]) {
        if (!isBinaryExpr(side) || side.$cstNode !== shared) {
            continue;
        }
        const start = edgeOffset(side, shared, 'left');
        const end = edgeOffset(side, shared, 'right');
        const inside = start === undefined || end === undefined ? [] : parent.content.filter(n => n.offset >= start && n.end <= end);
        if (inside.length === 0) {
            // `side` keeps `shared` (a syntax error left an operand without a CST node), so `shared` must stay in the tree.
            keepComposite(shared);
            continue;
        }
        const composite = new CompositeCstNodeImpl();
        composite.grammarSource = parent.grammarSource;
        adopt(parent, composite);
        composite.content = inside;
        for (const node of inside) {
            adopt(composite, node);
        }
        parent.content.splice(parent.content.indexOf(inside[0]), inside.length, composite);
        composite.astNode = side;
        (side as { $cstNode?: CstNode }).$cstNode = composite;
        nestCst(side, shared, composite);
    }
}

function adopt(container: CompositeCstNodeImpl, node: CstNode): void {
    (node as { container?: CompositeCstNodeImpl }).container = container;
}

/** Start offset of the leftmost, or end offset of the rightmost, operand still on `shared`. */
function edgeOffset(expr: AstNode | undefined, shared: CstNode, edge: 'left' | 'right'): number | undefined {
    let node = expr;
    while (isBinaryExpr(node) && node.$cstNode === shared) {
        node = node[edge];
    }
    const cst = node?.$cstNode;
    return cst && (edge === 'left' ? cst.offset : cst.end);
}
