import { AstUtils, type AstNode } from 'langium';
import * as ast from '@allium/language';
import { clausesOf, declarationId, type Clause } from './spec-clauses.js';
import { BEGIN_MARKER, END_MARKER, FILE_MARKER } from './marker-lines.js';

export const TARGET_LANGUAGES = ['TypeScript', 'Kotlin', 'Python', 'Go', 'Java', 'Rust'] as const;
export type TargetLanguage = typeof TARGET_LANGUAGES[number];

export interface PromptOptions {
    targetLanguage: TargetLanguage;
    /** Declaration ids to implement (`rule:ShipOrder`); all code-bearing declarations when absent. */
    selection?: string[];
    extraInstructions?: string;
    specName?: string;
}

export interface GenerationPrompt {
    system: string;
    user: string;
    /** The clauses the model is asked to implement and link; coverage is measured against these. */
    clauses: Clause[];
}

const COMMENT: Record<TargetLanguage, string> = { TypeScript: '//', Kotlin: '//', Python: '#', Go: '//', Java: '//', Rust: '//' };

/**
 * Builds the prompt for the selected declarations and everything they refer to (entities, values, enums, config,
 * surfaces, imported names), with `@guidance` as instructions, invariants as properties for tests and open
 * questions as decisions the model must not take silently. The same spec and options give the same prompt.
 */
export function buildPrompt(module: ast.Module, options: PromptOptions): GenerationPrompt {
    const all = module.declarations.filter(d => declarationId(d) !== undefined);
    const selected = options.selection?.length ? all.filter(d => options.selection!.includes(declarationId(d)!)) : all;
    const included = closure(module, selected);
    const clauses = clausesOf(module).filter(c => selected.some(d => declarationId(d) === c.owner));
    const comment = COMMENT[options.targetLanguage];
    const system = [
        `You implement behavioural specifications written in Allium as production-quality ${options.targetLanguage} code with tests.`,
        'Follow the spec exactly; where it is silent, choose the simplest behaviour and say so.',
        'Output format, strictly:',
        `- Start every output file with a line \`${FILE_MARKER} <relative/path> ===\` and nothing else on that line.`,
        `- Wrap the code implementing each spec clause in \`${comment} ${BEGIN_MARKER} <clause-id>\` and \`${comment} ${END_MARKER} <clause-id>\` comment lines, using the clause ids listed in the request. Regions may nest.`,
        '- Do not use Markdown code fences. Plain code only, apart from the file lines.'
    ].join('\n');

    const sections: string[] = [];
    sections.push(`Implement the following in ${options.targetLanguage}.`);
    sections.push('## Specification (Allium)\n\n' + included.map(d => d.$cstNode?.text ?? '').join('\n\n'));
    sections.push('## Clause ids to link\n\n' + clauses.map(c => `- ${c.id}: ${firstLine(c.text)}`).join('\n'));
    const guidance = included.flatMap(d => annotations(d, 'guidance').map(a => `- ${declarationId(d)}: ${prose(a)}`));
    if (guidance.length) {
        sections.push('## Implementation guidance (follow it)\n\n' + guidance.join('\n'));
    }
    const properties = [
        ...included.filter(ast.isInvariantDecl).map(i => `- invariant ${i.name}: ${oneLine(i.body.map(b => b.$cstNode?.text ?? '').join(' '))}`),
        ...included.flatMap(d => ('items' in d && Array.isArray(d.items) ? (d.items as AstNode[]) : []).filter(ast.isEntityInvariant)
            .map(i => `- invariant ${declarationId(d)}/${i.name}: ${oneLine(i.body.map(b => b.$cstNode?.text ?? '').join(' '))}`)),
        ...included.flatMap(d => annotations(d, 'invariant').map(a => `- ${declarationId(d)} @invariant ${a.name}: ${prose(a)}`))
    ];
    if (properties.length) {
        sections.push('## Properties the tests must check\n\n' + properties.join('\n'));
    }
    const questions = module.declarations.filter(ast.isOpenQuestion).map(q => `- ${q.text}`);
    if (questions.length) {
        sections.push('## Open questions (undecided)\n\nThe spec has not decided these. Do not decide them silently: list every assumption you make about them in a comment at the top of the first file.\n\n' + questions.join('\n'));
    }
    if (options.extraInstructions?.trim()) {
        sections.push('## Extra instructions\n\n' + options.extraInstructions.trim());
    }
    return { system, user: sections.join('\n\n'), clauses };
}

/** The selected declarations plus every declaration of the module their names refer to, in source order. */
function closure(module: ast.Module, selected: AstNode[]): AstNode[] {
    const byName = new Map<string, AstNode>();
    for (const d of module.declarations) {
        if ('name' in d && typeof d.name === 'string' && !ast.isUseDecl(d)) {
            byName.set(d.name, d);
        }
    }
    const included = new Set<AstNode>();
    const queue = [...selected];
    const config = module.declarations.filter(ast.isConfigDecl);
    while (queue.length > 0) {
        const node = queue.shift()!;
        if (included.has(node)) {
            continue;
        }
        included.add(node);
        for (const child of AstUtils.streamAst(node)) {
            const name = ast.isNameRef(child) ? child.ref.$refText : ast.isContractEntry(child) ? child.contract.$refText : undefined;
            const target = name ? byName.get(name) ?? byName.get(singular(name)) : undefined;
            if (target) {
                queue.push(target);
            }
            if (name === 'config' || (name?.includes('/') ?? false)) {
                queue.push(...config, ...module.declarations.filter(ast.isUseDecl));
            }
        }
    }
    return module.declarations.filter(d => included.has(d));
}

function singular(plural: string): string {
    return plural.endsWith('ies') ? plural.slice(0, -3) + 'y' : plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

function annotations(node: AstNode, kind: string): ast.Annotation[] {
    return ('items' in node && Array.isArray(node.items) ? (node.items as AstNode[]) : []).filter(ast.isAnnotation).filter(a => a.kind === kind);
}

function prose(annotation: ast.Annotation): string {
    return annotation.prose.map(l => l.replace(/^--\s?/, '')).join(' ').trim();
}

function firstLine(text: string): string {
    return text.split(/\r?\n/)[0].trim();
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
