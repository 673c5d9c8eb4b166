import type { LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionProviderOptions, type CompletionValueItem } from 'langium/lsp';
import type { AlliumLspServices } from '../allium-server-module.js';
import { CompletionItemKind, type CompletionList, type CompletionParams } from 'vscode-languageserver';
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
        const result = await super.getCompletion(document, params);
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

    /** Names sort after the values and keywords that fit where they are offered, and say what they name in Allium's words. */
    protected override createReferenceCompletionItem(...args: Parameters<DefaultCompletionProvider['createReferenceCompletionItem']>): CompletionValueItem {
        const [description] = args;
        return { ...super.createReferenceCompletionItem(...args), detail: kindWord(description.type), sortText: '1' + description.name };
    }
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
