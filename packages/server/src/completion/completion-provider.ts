import { isCompositeCstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionProviderOptions, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlliumLspServices } from '../allium-server-module.js';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { CompletionList, CompletionParams } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { SpecTypes } from '@allium/language';
import { DECLARATIONS, keywordItems, keywordsAt } from './keyword-completion.js';
import { kindWord } from './kind-words.js';
import { qualifiedCompletion } from './qualified-completion.js';
import { literalCompletion, memberCompletion } from './member-completion.js';

/**
 * Langium's grammar-driven completion, made to fit Allium. Any word may name a field, so every keyword is
 * syntactically possible at the start of a line: there the keywords offered are those of the enclosing construct.
 * After a `.` the receiver's fields are offered, after `alias/` the imported file's names, and where a field is
 * compared or created, its values, first. A declaration keyword comes as a whole template first, then bare.
 */
export class AlliumCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', '@'] };
    private readonly types: SpecTypes;
    /** The documents whose completion is being computed. */
    private readonly inProgress = new Set<LangiumDocument>();

    constructor(private readonly services: AlliumLspServices) {
        super(services);
        this.types = services.typing.SpecTypes;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const prefix = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
        if (insideCommentOrString(prefix)) {
            return { isIncomplete: false, items: [] };
        }
        const members = memberCompletion(document, offset, this.types) ?? qualifiedCompletion(this.services, document, offset);
        if (members) {
            return { isIncomplete: false, items: members };
        }
        const literals = literalCompletion(document, offset, this.types);
        this.inProgress.add(document);
        let result: CompletionList | undefined;
        try {
            result = await super.getCompletion(document, params);
        } finally {
            this.inProgress.delete(document);
        }
        if (!result) {
            return literals.length > 0 ? { isIncomplete: false, items: literals } : undefined;
        }
        const names = result.items.filter(i => i.kind !== CompletionItemKind.Keyword);
        if (!/^\s*[A-Za-z_@]*$/.test(prefix)) {
            return { ...result, items: [...literals, ...result.items] };
        }
        const keywords = literals.length > 0 ? ['terminal:'] : keywordsAt(document, offset);
        return { ...result, items: [...literals, ...keywords.flatMap(keywordItems), ...(keywords === DECLARATIONS ? [] : names)] };
    }

    /**
     * What the grammar expects at `offset`, found by parsing from the start of the top-level declaration before it
     * rather than from the start of the file (see `declarationStart`); Langium parses the whole text before the
     * cursor, up to three times per completion, which on a 20,000-line spec was most of a completion's time.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.completing(textDocument.getText());
        const start = document ? declarationStart(document, offset) : 0;
        if (start === 0) {
            return super.findFeaturesAt(textDocument, offset);
        }
        const declaration = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.getText().slice(start, offset));
        return super.findFeaturesAt(declaration, offset - start);
    }

    /**
     * The tokens around `offset`, from the tokens of its declaration and the first of the next one: Langium lexes
     * the whole file for them. The lexer starts a declaration at column 0 in its start state, so the slice yields the
     * same tokens at the same offsets, the indentation tokens before the next declaration included.
     */
    protected override backtrackToAnyToken(text: string, offset: number): ReturnType<DefaultCompletionProvider['backtrackToAnyToken']> {
        const document = this.completing(text);
        const start = document ? declarationStart(document, offset) : 0;
        if (start === 0) {
            return super.backtrackToAnyToken(text, offset);
        }
        const found = super.backtrackToAnyToken(text.slice(start, document ? nextDeclarationTokenEnd(document, offset) : text.length), offset - start);
        const shift = (at: number | undefined) => at === undefined ? undefined : at + start;
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    /** The document being completed whose text this is: Langium hands some steps the text alone. */
    private completing(text: string): LangiumDocument | undefined {
        return [...this.inProgress].find(document => document.textDocument.getText() === text);
    }

    /** Names sort after the values and keywords that fit where they are offered, and say what they name in Allium's words. */
    protected override createReferenceCompletionItem(...args: Parameters<DefaultCompletionProvider['createReferenceCompletionItem']>): CompletionValueItem {
        const [description] = args;
        return { ...super.createReferenceCompletionItem(...args), detail: kindWord(description.type), sortText: '1' + description.name };
    }
}

/**
 * The offset of the last top-level declaration (or stray token) that starts at column 0 before `offset`, when
 * nothing before it failed to lex or parse; else 0. There the parser and the lexer are in their start state: no
 * open bracket, block or indentation, and the module's loop over declarations, as at the start of the file.
 */
function declarationStart(document: LangiumDocument, offset: number): number {
    const module = document.parseResult.value;
    if (!ast.isModule(module)) {
        return 0;
    }
    let start = 0;
    for (const top of [...module.declarations, ...module.strays]) {
        const cst = top.$cstNode;
        if (cst && cst.offset < offset && cst.offset > start && cst.range.start.character === 0) {
            start = cst.offset;
        }
    }
    const { lexerErrors, parserErrors } = document.parseResult;
    const errorBefore = lexerErrors.some(e => !(e.offset >= start))
        || parserErrors.some(e => e.token.tokenType?.name !== 'EOF' && !(e.token.startOffset >= start));
    return errorBefore ? 0 : start;
}

/** Where the first token ends of the first top-level declaration at column 0 from `offset` on, or the end of the text. */
function nextDeclarationTokenEnd(document: LangiumDocument, offset: number): number {
    const module = document.parseResult.value as ast.Module;
    let next: CstNode | undefined;
    for (const top of [...module.declarations, ...module.strays]) {
        const cst = top.$cstNode;
        if (cst && cst.offset >= offset && (!next || cst.offset < next.offset) && cst.range.start.character === 0) {
            next = cst;
        }
    }
    while (next && isCompositeCstNode(next)) {
        next = next.content.find(child => !child.hidden);
    }
    return next ? next.end : document.textDocument.getText().length;
}

/** Prose and comments (`--` outside a string) and string literals are not completed. */
function insideCommentOrString(linePrefix: string): boolean {
    let inString = false;
    for (let i = 0; i < linePrefix.length; i++) {
        const c = linePrefix[i];
        if (c === '"' && linePrefix[i - 1] !== '\\') {
            inString = !inString;
        } else if (!inString && c === '-' && linePrefix[i + 1] === '-') {
            return true;
        }
    }
    return inString;
}
