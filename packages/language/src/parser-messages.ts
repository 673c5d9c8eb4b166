import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { tokenLabel } from 'chevrotain';

const DECLARATION = "a declaration: entity, value, enum, variant, rule, surface, actor, contract, config, given, default, invariant, deferred, use or open question";
const EXPRESSION = "an expression: a name, a literal (number, string, true, false, null), a condition (if, for, not, exists) or a bracket '(', '{', '['";

const EXPECTATIONS: Record<string, string> = {
    Module: DECLARATION,
    Declaration: DECLARATION,
    BlockItem: "an item of the block: a field or clause 'name: value', 'let x = value', 'for x in xs:', 'if condition:', an annotation ('@guidance') or an open question",
    ItemBody: 'an item of the block',
    PrefixExpr: EXPRESSION,
    Expression: EXPRESSION,
    ClauseValue: 'a value',
    TransitionsBlock: "an edge 'from -> to' or 'terminal: states'",
    TransitionEdge: "an edge 'from -> to'",
    ContractEntry: "'demands ContractName' or 'fulfils ContractName'",
    Annotation: "an annotation: '@guidance', '@invariant Name' or '@guarantee Name'"
};

/** Plain-language parse errors: what was expected, in Allium terms, and what was found. */
export class AlliumParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return `Expected ${describeTokenType(options.expected)}, found ${describeToken(options.actual)}.`;
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected ${EXPECTATIONS.Declaration}, found ${describeToken(options.firstRedundant)}.`;
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Expected ${expectation(options.ruleName)}, found ${describeToken(options.actual[0])}.`;
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Expected ${expectation(options.ruleName)}, found ${describeToken(options.actual[0])}.`;
    }
}

/** The error of a `(` that never closes, at the first token that cannot continue what it holds. */
export function unclosedParenMessage(found: IToken): string {
    return `Expected ')', found ${describeToken(found)}.`;
}

function expectation(ruleName: string): string {
    return EXPECTATIONS[ruleName] ?? EXPECTATIONS.Expression;
}

function describeTokenType(type: TokenType): string {
    switch (type.name) {
        case 'ID': return 'a name';
        case 'STRING': return 'a string';
        case 'INDENT': return 'an indented block';
        case 'DEDENT': return 'the end of the indented block';
        case 'PROSE': return "an indented '--' comment line";
        case 'GENERIC_LT': return "'<'";
        default: return `'${tokenLabel(type)}'`;
    }
}

function describeToken(token: IToken | undefined): string {
    if (!token || token.tokenType.name === 'EOF') {
        return 'end of file';
    }
    switch (token.tokenType.name) {
        case 'INDENT': return 'an indented block';
        case 'DEDENT': return 'the end of an indented block';
        case 'EMPTY_VALUE': return "the end of the line after ':'";
        case 'STRING': return `string ${token.image}`;
        case 'ID': return `'${token.image}'`;
        default: return `'${token.image}'`;
    }
}
