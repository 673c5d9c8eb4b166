import type Anthropic from '@anthropic-ai/sdk';
import type { TargetLanguage } from './target-languages.js';

export interface SpecRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

/** A clause the model is asked to link code to, as plain data (the prompt travels from the server to the client). */
export interface PromptClause {
    id: string;
    /** The declaration's id, e.g. `orders::rule:ShipOrder`. */
    owner: string;
    /** The spec file that declares it. */
    uri: string;
    /** Where it was when the prompt was built; clicks resolve ids against the current text instead. */
    range: SpecRange;
    fingerprint: string;
}

/** A test obligation the model is asked to write one test for, wrapped in markers carrying `id`. */
export interface PromptObligation {
    /** The marker id: `orders::test:rule-success.ShipOrder`. */
    id: string;
    /** The id `allium plan` gives it: `rule-success.ShipOrder`. */
    obligation: string;
    category: string;
    owner: string;
    description: string;
}

/**
 * Everything one generation sends, in the order the API caches it: `system` and `prefix` are the same for every
 * selection of one file or spec set and one target (byte for byte, so the second request reads them from the
 * cache); `request` is what this run asks for.
 */
export interface GenerationPrompt {
    targetLanguage: TargetLanguage;
    system: string;
    prefix: string;
    request: string;
    /** The declarations selected, qualified ids. */
    selection: string[];
    clauses: PromptClause[];
    obligations: PromptObligation[];
}

/** The prompt as one text, for previews and `--dry-run`. */
export function promptText(prompt: GenerationPrompt): string {
    return `# System\n\n${prompt.system}\n\n# User\n\n${prompt.prefix}\n\n${prompt.request}\n`;
}

/** The Messages API parameters: the cache breakpoint closes the prefix, so system and spec are cached together. */
export function messageContent(prompt: GenerationPrompt): { system: string; user: Anthropic.TextBlockParam[] } {
    return {
        system: prompt.system,
        user: [
            { type: 'text', text: prompt.prefix, cache_control: { type: 'ephemeral' } },
            { type: 'text', text: prompt.request }
        ]
    };
}
