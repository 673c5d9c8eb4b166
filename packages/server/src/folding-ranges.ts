import { CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import * as ast from '@allium/language';
import { documentLines, nodesOf } from '@allium/language';

const DIVIDER = /^\s*--\s*[-=]{3,}/;
const COMMENT = /^\s*--/;

/**
 * Folds what a reader of a spec folds: declarations and their blocks (a `{ }` body, an indented clause value, a
 * `for` or `if` body, a transition graph, an annotation's prose), the sections that `-- ----` divider comments
 * open, and runs of comment lines. Expressions inside a clause do not fold on their own.
 */
export class AlliumFoldingRangeProvider extends DefaultFoldingRangeProvider {
    /** Whether nodes of each `$type` fold, told once per type: the type guards walk the type hierarchy on every call. */
    private readonly foldingTypes = new Map<string, boolean>();

    protected override shouldProcess(node: AstNode): boolean {
        let folds = this.foldingTypes.get(node.$type);
        if (folds === undefined) {
            folds = ast.isTriggerClause(node) || ast.isAssignment(node) || ast.isParamAssignment(node) || ast.isLetItem(node) || ast.isBindingClause(node)
                || ast.isForBlock(node) || ast.isIfBlock(node) || ast.isIfBlockBranch(node) || ast.isTransitionsBlock(node) || ast.isEntityInvariant(node)
                || ast.isAnnotation(node) || ast.isContractsClause(node);
            this.foldingTypes.set(node.$type, folds);
        }
        // A declaration: a child of the module, the root, the one node without a container.
        return folds || (node.$container !== undefined && node.$container.$container === undefined);
    }

    /**
     * The AST's nodes from the node listing kept per parse: Langium's generic tree stream and its second walk of the CST
     * for multi-line comment tokens (the grammar has none: `--` comments are single-line) took most of 200 ms on big-20k.
     */
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        const root = document.parseResult.value;
        for (const node of nodesOf(root)) {
            if (node !== root && this.shouldProcess(node)) {
                this.collectObjectFolding(document, node, acceptor);
            }
        }
        const lines = documentLines(document.textDocument.getText());
        this.collectSections(lines, acceptor);
        this.collectCommentRuns(document, lines, acceptor);
    }

    /** Annotation prose has no closing token: the fold runs to the last prose line, and two lines are enough. */
    protected override collectObjectFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const range = node.$cstNode?.range;
        if (ast.isAnnotation(node) && range && range.end.line > range.start.line) {
            acceptor({ startLine: range.start.line, endLine: range.end.line, kind: FoldingRangeKind.Region });
        } else {
            super.collectObjectFolding(document, node, acceptor);
        }
    }

    /** A closing bracket on a line of its own stays visible; a clause that ends in `)` on its last expression line folds whole. */
    protected override includeLastFoldingLine(node: CstNode): boolean {
        const lineStart = node.root.fullText.lastIndexOf('\n', node.end - 1) + 1;
        return !/^\s*[}\])]/.test(node.root.fullText.slice(lineStart, node.end));
    }

    /** A header (dividers with the title between them) opens a section that lasts until the next header. */
    private collectSections(lines: string[], acceptor: FoldingRangeAcceptor): void {
        const headers: number[] = [];
        for (let line = 0; line < lines.length; line++) {
            if (!DIVIDER.test(lines[line])) {
                continue;
            }
            const previous = headers[headers.length - 1];
            const sameHeader = previous !== undefined && lines.slice(previous, line).every(l => COMMENT.test(l)) && line - previous <= 3;
            if (!sameHeader) {
                headers.push(line);
            }
        }
        headers.forEach((start, i) => {
            let end = (headers[i + 1] ?? lines.length) - 1;
            while (end > start && lines[end].trim() === '') {
                end--;
            }
            if (end > start + 1) {
                acceptor({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
            }
        });
    }

    /**
     * Three or more consecutive comment lines that are neither a section header nor annotation prose. `--` comments are
     * single-line tokens, which Langium's comment folding (multi-line comment rules only) never sees; a line that starts
     * with `--` is one when the syntax tree holds a hidden token there (annotation prose is the annotation's own text).
     */
    private collectCommentRuns(document: LangiumDocument, lines: string[], acceptor: FoldingRangeAcceptor): void {
        const cst = document.parseResult.value.$cstNode;
        const hiddenAt = (line: number) => cst !== undefined
            && CstUtils.findLeafNodeAtOffset(cst, document.textDocument.offsetAt({ line, character: lines[line].indexOf('--') }))?.hidden === true;
        let start = -1;
        for (let line = 0; line <= lines.length; line++) {
            const isComment = line < lines.length && COMMENT.test(lines[line]) && !DIVIDER.test(lines[line]) && hiddenAt(line);
            if (isComment && start < 0) {
                start = line;
            } else if (!isComment && start >= 0) {
                if (line - 1 - start >= 2) {
                    acceptor({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
                }
                start = -1;
            }
        }
    }
}
