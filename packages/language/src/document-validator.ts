import { IssueCodes } from './diagnostics/catalogue.js';
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver-types';
import type { IToken } from 'chevrotain';
import { applySuppressions } from './suppression.js';
import { isBoundError } from './nesting-limit.js';
import { Cancellation, CstUtils, DefaultDocumentValidator, diagnosticData, DocumentValidator, interruptAndCheck, type AstNode, type LangiumDocument, type ParseResult, type RootCstNode, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import { nodesOf } from './ast-nodes.js';
import { operatorHint } from './operator-hints.js';
import { budgetNotice, overBudget } from './document-budget.js';
import { withCodeDescription } from './diagnostics/catalogue-doc.js';


/**
 * Reports one syntax error per line, as the reference checker does: after the first error on a line the
 * parser's recovery tends to produce follow-on errors that only repeat it. Unresolved names are reported by
 * the reference-compatible validators, which know which names must resolve (a trigger name or black-box
 * function is legitimately declared nowhere), so Langium's generic linking errors are not reported. Each finding links
 * to its entry of the diagnostics catalogue.
 */
export class AlliumDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        if (overBudget(document)) {
            const syntax: Diagnostic[] = [];
            this.processLexingErrors(document.parseResult, syntax, options);
            this.processParsingErrors(document.parseResult, syntax, options);
            return [budgetNotice(document), ...firstSyntaxErrorPerLine(syntax)].map(withCodeDescription);
        }
        const diagnostics = firstSyntaxErrorPerLine(await super.validateDocument(document, options, cancelToken));
        return applySuppressions(document.textDocument.getText(), diagnostics).map(withCodeDescription);
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        markSyntax(diagnostics, start);
        const text = (parseResult.value.$cstNode as RootCstNode | undefined)?.fullText ?? '';
        for (const error of parseResult.lexerErrors) {
            const diagnostic = diagnostics.slice(start).find(d => d.message === error.message);
            // The bounds on nesting and length say so in their own words (nesting-limit.ts).
            if (diagnostic && !isBoundError(error)) {
                // Chevrotain's own wording ("unexpected character: ->x<- at offset ...") is not for users.
                diagnostic.message = operatorHint(text, error.offset) ?? unexpectedCharacter(text, error.offset);
            }
        }
    }

    /**
     * Langium places an error at a token without a source range (end of file, INDENT/DEDENT, tokens its recovery
     * inserted) after the token before, or at 1:1 when that has none either. Here an error at the end of the file
     * sits at the end of the file, and one at INDENT/DEDENT where the line they open or close starts.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const text = (parseResult.value.$cstNode as RootCstNode | undefined)?.fullText ?? '';
        for (const error of parseResult.parserErrors) {
            const position = errorPosition(error.token, text);
            diagnostics.push({
                severity: DiagnosticSeverity.Error, range: { start: position, end: position }, message: error.message,
                data: diagnosticData(DocumentValidator.ParsingError), source: 'allium', code: IssueCodes.Syntax
            });
        }
    }

    /**
     * Langium's loop awaits once per node and per check; most Allium checks run once on the module and are
     * synchronous, so only the checks that return a promise are awaited, and cancellation is polled every few
     * thousand nodes.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const checksByType = new Map<string, ValidationCheck[]>();
        let visited = 0;
        for (const node of nodesOf(rootNode)) {
            if (++visited % 2000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            let checks = checksByType.get(node.$type);
            if (!checks) {
                checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
            }
            for (const check of checks) {
                // A synchronous check returns nothing to await (AlliumValidationRegistry).
                const pending = check(node, acceptor, cancelToken);
                if (pending) {
                    await pending;
                }
            }
        }
    }

    protected override processLinkingErrors(_document: LangiumDocument, _diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // See the class comment.
    }
}

function errorPosition(token: IToken, text: string): Position {
    if (token.tokenType?.name !== 'EOF' && CstUtils.isValidTokenRange(token)) {
        return { line: token.startLine! - 1, character: token.startColumn! - 1 };
    }
    if (token.tokenType?.name !== 'EOF' && Number.isFinite(token.startLine) && token.startLine! > 0) {
        return { line: token.startLine! - 1, character: Math.max(0, token.startColumn! - 1) };
    }
    const lines = text.split(/\r?\n|\r/);
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function unexpectedCharacter(text: string, offset: number): string {
    const at = text[offset] ?? '';
    if (at === '"') {
        return "This string is not closed on its line: end it with '\"', or end the line with '\\' to continue it on the next.";
    }
    return `'${at}' is not part of Allium's syntax here: remove it, or put it in a string or a '--' comment.`;
}

function firstSyntaxErrorPerLine(diagnostics: Diagnostic[]): Diagnostic[] {
    const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    const syntax = diagnostics.filter(d => d.code === IssueCodes.Syntax).sort(byPosition);
    const kept = new Set<Diagnostic>();
    const lines = new Set<number>();
    for (const diagnostic of syntax) {
        if (!lines.has(diagnostic.range.start.line)) {
            lines.add(diagnostic.range.start.line);
            kept.add(diagnostic);
        }
    }
    return diagnostics.filter(d => d.code !== IssueCodes.Syntax || kept.has(d));
}

function markSyntax(diagnostics: Diagnostic[], from: number): void {
    for (let i = from; i < diagnostics.length; i++) {
        diagnostics[i].code = IssueCodes.Syntax;
        diagnostics[i].source = 'allium';
    }
}
