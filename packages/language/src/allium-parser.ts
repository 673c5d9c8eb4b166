import type { ILookaheadStrategy, IRecognitionException, IToken } from 'chevrotain';
import { CompositeCstNodeImpl, createParser, LangiumParser, type AstNode, type CstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import { BinaryExpr, isBinaryExpr } from './generated/ast.js';
import { AlliumCstNodeBuilder, keepComposite } from './cst-builder.js';
import { tooLargeToParse } from './document-budget.js';
import { blank, recoverLineByLine } from './line-recovery.js';
import { endOfLine } from './line-bounds.js';
import { LazyLookaheadStrategy } from './lazy-lookahead.js';
import { boundPredictions } from './prediction-bound.js';
import { finalizeWithFollows, type FollowTable } from './resync-follows.js';

/** The follow sets `npm run build` recorded into the bundles (esbuild.mjs); undefined when running from the sources. */
/** Whole-file parses that throw are read again at most this often, each time without one more broken line's rest. */
const MAX_BROKEN_RECOVERIES = 16;

declare const ALLIUM_RESYNC_FOLLOWS: FollowTable | undefined;
const BUILT_FOLLOWS = typeof ALLIUM_RESYNC_FOLLOWS === 'undefined' ? undefined : ALLIUM_RESYNC_FOLLOWS;

/**
 * Langium's parser with a CST builder that stays linear on long lists ({@link AlliumCstNodeBuilder}), a size limit
 * ({@link tooLargeToParse}), and two repairs. Syntax errors are recovered from line by line, as the reference checker
 * does (see line-recovery.ts). And an `infix` rule parses `a + b * c` flat and builds the nested
 * BinaryExprs afterwards, giving every one of them the CST node of the whole chain. Here each inner
 * BinaryExpr gets a CST node of its own, so diagnostics, hovers and selections on `b * c` cover
 * `b * c`. Infix rules are used because they cut the expression rule depth that dominates parse time.
 */
export function createAlliumParser(services: LangiumCoreServices, follows = BUILT_FOLLOWS): LangiumParser {
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
    const wrapper = (parser as unknown as { wrapper: { lookaheadStrategy: ILookaheadStrategy; input: IToken[]; errors: IRecognitionException[] } }).wrapper;
    boundPredictions(parser);
    wrapper.lookaheadStrategy = new LazyLookaheadStrategy(wrapper.lookaheadStrategy);
    finalizeWithFollows(parser, follows);
    const parse = parser.parse.bind(parser);
    // Langium's node stack, which a parse leaves empty when it finishes; one that threw (a stack overflow) leaves its
    // nodes there, and the next parse, of another document, would build its tree into them.
    const { stack } = parser as unknown as { stack: AstNode[] };
    /**
     * One parse of the whole file. Langium can lose track of the node it is building when Chevrotain's recovery from
     * a syntax error unwinds out of an alternative that starts with an action (`default R r = { name: = 1 }`), and
     * then throws. The rest of the line from the parse's first error is then left out, as line-recovery.ts leaves
     * out the line of a first error, and the error kept: the file gets its diagnostics instead of none.
     */
    const parseWhole = <T extends AstNode>(text: string, options: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        const skipped: IRecognitionException[] = [];
        for (let read = text; ;) {
            try {
                const result = parse<T>(read, options);
                return skipped.length === 0 ? result : { ...result, parserErrors: [...skipped, ...result.parserErrors] };
            } catch (error) {
                stack.length = 0;
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
    parser.parse = <T extends AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]) => {
        stack.length = 0;
        try {
            // A file over the parse limit reads as empty; the document validator says why.
            return recoverLineByLine(tooLargeToParse(input) ? '' : input,
                (text, rule) => rule ? parse<T>(text, { ...options, rule }) : parseWhole<T>(text, options)) as ParseResult<T>;
        } finally {
            // Chevrotain keeps the token vector of the last parse until the next one: 20 MB for a 1 MB spec, held
            // through its linking and validation, when the tree no longer needs it.
            wrapper.input = [];
        }
    };
    return parser;
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
