import type { AstNode, LangiumDocument, MaybePromise, NameProvider } from 'langium';
import type { DocumentSymbolProvider, LangiumServices, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol, DocumentSymbolParams, Range } from 'vscode-languageserver';
import * as ast from '@allium/language';

/**
 * Symbols an outline holds at most. Past it declarations are still listed, without their members: the members of a
 * generated 1 MB spec made a hundred thousand symbols, seconds to build and to send for an outline no one reads whole.
 */
export const OUTLINE_LIMIT = 10_000;

/**
 * The outline of a spec: each declaration with what a reader looks for inside it. Types list their fields,
 * transition graph and invariants; enums their values; rules, surfaces, contracts and actors their clauses
 * (`when`, `requires`, `ensures`, `exposes` ...), bindings and annotations; config and given their parameters.
 */
export class AlliumDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds: NodeKindProvider;
    private readonly names: NameProvider;

    constructor(services: LangiumServices) {
        this.kinds = services.shared.lsp.NodeKindProvider;
        this.names = services.references.NameProvider;
    }

    /** The outline of each parse, kept while it is the document's: an editor's outline, breadcrumbs and sticky scroll each ask for it. */
    private readonly outlines = new WeakMap<AstNode, DocumentSymbol[]>();
    /**
     * Each declaration's symbol, with the line it was read at and the members it took from the budget. After an edit
     * the splice keeps every declaration it did not re-parse (declaration-splice.ts), with its text, and moves those
     * after the edit by whole lines: their symbols are the same but for that move.
     */
    private readonly declarations = new WeakMap<AstNode, { symbol: DocumentSymbol | undefined; line: number; used: number }>();

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): MaybePromise<DocumentSymbol[]> {
        const module = document.parseResult.value as ast.Module;
        let outline = this.outlines.get(module);
        if (!outline) {
            const budget = { left: OUTLINE_LIMIT - module.declarations.length };
            outline = [];
            for (const declaration of module.declarations) {
                const symbol = this.declarationSymbol(declaration, budget);
                if (symbol) {
                    outline.push(symbol);
                }
            }
            this.outlines.set(module, outline);
        }
        return outline;
    }

    /**
     * A declaration's symbol, the one read before when it is still true: the budget never ran out while it was read
     * (then every member was listed) and does not now (then a fresh reading would list them all again).
     */
    private declarationSymbol(declaration: AstNode, budget: { left: number }): DocumentSymbol | undefined {
        const line = declaration.$cstNode?.range.start.line ?? -1;
        const kept = this.declarations.get(declaration);
        if (kept && budget.left - kept.used > 0) {
            budget.left -= kept.used;
            if (kept.symbol && kept.line !== line) {
                kept.symbol = moved(kept.symbol, line - kept.line);
                kept.line = line;
            }
            return kept.symbol;
        }
        const left = budget.left;
        const symbol = this.symbol(declaration, budget);
        if (budget.left > 0) {
            this.declarations.set(declaration, { symbol, line, used: left - budget.left });
        }
        return symbol;
    }

    /** The symbol of `node`, with as many of its members as `budget` has left. */
    private symbol(node: AstNode, budget: { left: number }): DocumentSymbol | undefined {
        const range = node.$cstNode?.range;
        const name = nameOf(node);
        if (!range || !name) {
            return undefined;
        }
        const symbol: DocumentSymbol = {
            name,
            detail: detailOf(node),
            kind: this.kinds.getSymbolKind(node),
            range,
            selectionRange: this.names.getNameNode(node)?.range ?? firstLineRange(range, node)
        };
        // Set only when there are members, and not spread in: a spread copies the literal, ten thousand times an outline.
        const children = budget.left > 0 ? this.children(node, budget) : [];
        if (children.length > 0) {
            symbol.children = children;
        }
        return symbol;
    }

    private children(node: AstNode, budget: { left: number }): DocumentSymbol[] {
        let items: AstNode[] = [];
        if (ast.isEnumDecl(node)) {
            items = node.literals;
        } else if (ast.isForBlock(node)) {
            items = node.body?.items ?? [];
        } else if (ast.isIfBlock(node)) {
            items = [...node.branches.flatMap(b => b.body?.items ?? []), ...(node.elseBody?.items ?? [])];
        } else if ('items' in node && Array.isArray(node.items) && !ast.isModule(node)) {
            items = node.items as AstNode[];
        }
        const symbols: DocumentSymbol[] = [];
        for (const item of items) {
            if (budget.left <= 0) {
                break;
            }
            budget.left--;
            const symbol = this.symbol(item, budget);
            if (symbol) {
                symbols.push(symbol);
            }
        }
        return symbols;
    }
}

/** `symbol` and its members `lines` lines further down. */
function moved(symbol: DocumentSymbol, lines: number): DocumentSymbol {
    const copy: DocumentSymbol = { ...symbol, range: movedRange(symbol.range, lines), selectionRange: movedRange(symbol.selectionRange, lines) };
    if (symbol.children) {
        copy.children = symbol.children.map(child => moved(child, lines));
    }
    return copy;
}

function movedRange({ start, end }: Range, lines: number): Range {
    return { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } };
}

function nameOf(node: AstNode): string | undefined {
    if (ast.isConfigDecl(node)) {
        return node.qualifiedName ?? 'config';
    }
    if (ast.isGivenDecl(node)) {
        return 'given';
    }
    if (ast.isUseDecl(node)) {
        return node.name ?? node.path;
    }
    if (ast.isDeferredDecl(node)) {
        return node.path;
    }
    if (ast.isOpenQuestion(node)) {
        const text = (node.text ?? '').replace(/^"|"$/g, '');
        return text.length > 70 ? text.slice(0, 69) + '…' : text;
    }
    if (ast.isTriggerClause(node)) {
        return 'when';
    }
    if (ast.isTransitionsBlock(node)) {
        return `transitions ${node.field ?? ''}`.trim();
    }
    if (ast.isAnnotation(node)) {
        return `@${node.kind}${node.name ? ' ' + node.name : ''}`;
    }
    if (ast.isBindingClause(node)) {
        return `${node.keyword} ${node.name}`;
    }
    if (ast.isForBlock(node) || ast.isIfBlock(node)) {
        return firstLine(node).replace(/:$/, '');
    }
    if (ast.isPathAssignment(node)) {
        return `${node.owner}.${node.name}`;
    }
    const named = 'name' in node && typeof node.name === 'string' ? node.name : undefined;
    return named || undefined;
}

/** What follows the name: a field's type, a clause's first line, a rule's trigger. */
function detailOf(node: AstNode): string | undefined {
    if (ast.isEntityDecl(node)) {
        return node.external ? 'external entity' : 'entity';
    }
    if (ast.isVariantDecl(node)) {
        return `variant of ${node.base}`;
    }
    if (ast.isRuleDecl(node)) {
        const trigger = node.items.find(ast.isTriggerClause);
        return trigger ? firstLine(trigger).replace(/^when:\s*/, '') : 'rule';
    }
    if (ast.isAssignment(node) && ast.isExprBlock(node.value)) {
        const first = node.value.items[0];
        return first ? firstLine(first) + (node.value.items.length > 1 ? ' …' : '') : undefined;
    }
    if (ast.isTriggerClause(node) || ast.isAssignment(node) || ast.isParamAssignment(node) || ast.isPathAssignment(node) || ast.isLetItem(node) || ast.isBindingClause(node)) {
        return firstLine(node).replace(/^[^:=]*[:=]\s*/, '') || undefined;
    }
    if (ast.isOpenQuestion(node)) {
        return 'open question';
    }
    return undefined;
}

function firstLine(node: AstNode): string {
    return firstLineText(node).trim();
}

/**
 * The text of the first line of a node, read from the document's text: the node's whole text may be a long rule. Its
 * length comes from the node's range, which the CST keeps, rather than from its end offset, which the CST recomputes
 * through the node's last descendants on every read.
 */
function firstLineText(node: AstNode): string {
    const cst = node.$cstNode;
    if (!cst) {
        return '';
    }
    const { start, end } = cst.range;
    const text = cst.root.fullText;
    const offset = cst.offset;
    if (start.line === end.line) {
        return text.slice(offset, offset + end.character - start.character);
    }
    const line = text.slice(offset, text.indexOf('\n', offset));
    return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The first line of a construct, where its name or keyword is. */
function firstLineRange(range: Range, node: AstNode): Range {
    const length = firstLineText(node).length;
    return { start: range.start, end: range.start.line === range.end.line ? range.end : { line: range.start.line, character: range.start.character + length } };
}
