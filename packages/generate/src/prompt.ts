import type { AstNode } from 'langium';
import * as ast from '@allium/language';
import { declarationId, type ClauseOptions } from './spec-clauses.js';
import { qualifyClauseId, splitClauseId } from './clause-ids.js';
import { setClauses, setObligations, type SetClause } from './spec-links.js';
import { SpecClosure, type SelectionScope } from './closure.js';
import { decisionsIn, declarationSource, moduleHeader } from './spec-comments.js';
import { BEGIN_MARKER, END_MARKER, FILE_MARKER } from './marker-lines.js';
import { ALLIUM_SEMANTICS } from './semantics.js';
import { TARGETS, type TargetLanguage } from './target-languages.js';
import type { GenerationPrompt, PromptClause, PromptObligation } from './generation-prompt.js';
import type { SpecModule, SpecSet } from './spec-set.js';

export interface PromptOptions {
    targetLanguage: TargetLanguage;
    /**
     * Declarations to implement, by id: `rule:ShipOrder`, or `orders::rule:ShipOrder` where several modules of the
     * set declare one. Every declaration of the set's own files when absent or empty.
     */
    selection?: string[];
    /** Modules of the set to implement whole (by name), instead of a selection: one request per module of a set. */
    modules?: string[];
    extraInstructions?: string;
    clauses?: ClauseOptions;
}

/** A selection id no declaration of the set answers to, or answers ambiguously. */
export class SelectionError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SelectionError';
    }
}

/**
 * Builds the prompt for the selected declarations of a spec set. The cached prefix holds the spec closure of the
 * whole set (its own files complete, imported files as far as the set uses them), so every selection of the same
 * set shares it; the request names the selection, what it depends on, its clause ids and test obligations, and
 * the guidance, properties, decisions and open questions in its scope. The same spec and options give the same prompt.
 */
export function buildPrompt(set: SpecSet, options: PromptOptions): GenerationPrompt {
    const closure = new SpecClosure(set);
    const own = set.selected.flatMap(m => m.module.declarations.filter(d => declarationId(d) !== undefined));
    const whole = options.selection?.length ? undefined : options.modules?.length ? set.modules.filter(m => options.modules!.includes(m.name)) : set.selected;
    const selected = options.selection?.length ? resolveSelection(set, options.selection) : whole!.flatMap(m => m.module.declarations.filter(d => declarationId(d) !== undefined));
    const shown = closure.of(own);
    const scope = closure.scopeOf(selected);
    const selection = selected.map(d => qualifiedId(set, d));
    const specClauses = setClauses(set, set.modules, options.clauses).filter(c => selection.includes(c.owner));
    const clauses: PromptClause[] = specClauses.map(c => ({ id: c.id, owner: c.owner, uri: c.uri, range: c.range, fingerprint: c.fingerprint }));
    const obligations = obligationsFor(set, selected, selection);
    return {
        targetLanguage: options.targetLanguage,
        system: systemPrompt(options.targetLanguage),
        prefix: specSection(set, shown),
        request: requestSection(set, { selected, scope, specClauses, obligations, whole, extra: options.extraInstructions }),
        selection,
        clauses,
        obligations
    };
}

/** The test obligations of the selected declarations. */
function obligationsFor(set: SpecSet, selected: AstNode[], selection: string[]): PromptObligation[] {
    return setObligations(set, set.modules.filter(m => selected.some(d => set.moduleOf(d) === m))).filter(o => selection.includes(o.owner));
}

/** The declarations selection ids name; throws a {@link SelectionError} naming those that match none or several. */
export function resolveSelection(set: SpecSet, ids: readonly string[]): AstNode[] {
    const found: AstNode[] = [];
    const problems: string[] = [];
    for (const id of ids) {
        const { module, local } = splitClauseId(id);
        const matches = (candidates: SpecModule[]) => candidates.filter(m => module === undefined || m.name === module)
            .flatMap(m => m.module.declarations.filter(d => declarationId(d) === local));
        const inSet = matches(set.selected);
        const hits = inSet.length ? inSet : matches(set.modules);
        if (hits.length === 1) {
            found.push(hits[0]);
        } else {
            const modules = set.selected.map(m => m.name).join(', ');
            problems.push(hits.length > 0
                ? `${describeId(local)} is declared in ${hits.map(h => set.moduleOf(h)!.name).join(' and ')}: name the module, e.g. ${qualifyClauseId(set.moduleOf(hits[0])!.name, local)}`
                : module !== undefined && !set.modules.some(m => m.name === module)
                    ? `${describeId(local)}: no module of the set is called '${module}' (the set has ${modules})`
                    : `${describeId(local)}: nothing in ${modules} declares it`);
        }
    }
    if (problems.length) {
        throw new SelectionError(`Cannot select ${problems.join('; ')}.`);
    }
    return [...new Set(found)];
}

function systemPrompt(target: TargetLanguage): string {
    const comment = TARGETS[target].comment;
    return [
        `You implement behavioural specifications written in Allium as production-quality ${target} code with tests.`,
        'Follow the spec exactly; where it is silent, choose the simplest behaviour and say so.',
        '',
        ALLIUM_SEMANTICS,
        '',
        'Output format, strictly:',
        `- Start every output file with a line \`${FILE_MARKER} <relative/path> ===\` and nothing else on that line.`,
        `- Wrap the code implementing each spec clause in \`${comment} ${BEGIN_MARKER} <clause-id>\` and \`${comment} ${END_MARKER} <clause-id>\` comment lines, using the clause ids listed in the request. Regions may nest: a clause's region inside its declaration's.`,
        `- Wrap each test in the same markers carrying its obligation id (\`${comment} ${BEGIN_MARKER} <obligation-id>\`).`,
        '- Use only ids from the request; do not invent ids.',
        '- Do not use Markdown code fences. Plain code only, apart from the file lines. Anything you want to say besides code goes before the first file line.'
    ].join('\n');
}

function specSection(set: SpecSet, shown: Set<AstNode>): string {
    const parts = ['# Specification', '',
        `The Allium spec below is the source of truth. Its ${set.modules.length === 1 ? 'module' : `${set.modules.length} modules, in import order (each after the modules it imports),`} ${set.modules.length === 1 ? 'follows' : 'follow'}. A name written \`alias/Name\` is \`Name\` of the module imported \`as alias\`.`];
    for (const spec of set.modules) {
        const text = spec.document.textDocument.getText();
        const declarations = spec.module.declarations.filter(d => !ast.isOpenQuestion(d) && (spec.inSet || ast.isUseDecl(d) || shown.has(d)));
        if (!spec.inSet && !declarations.some(d => !ast.isUseDecl(d))) {
            continue;
        }
        const imports = spec.imports.map(i => `\`${i.target.name}\` as \`${i.alias ?? i.target.name}\``);
        parts.push('', `## Module \`${spec.name}\` (${fileName(spec)})${spec.inSet ? '' : ', imported: only the declarations used here'}`);
        if (imports.length) {
            parts.push(`Imports ${imports.join(', ')}.`);
        }
        const header = moduleHeader(text);
        if (header) {
            parts.push('', header);
        }
        for (const declaration of declarations) {
            parts.push('', declarationSource(declaration, text));
        }
    }
    return parts.join('\n');
}

interface RequestInput {
    selected: AstNode[];
    scope: SelectionScope;
    specClauses: SetClause[];
    obligations: PromptObligation[];
    /** The modules implemented whole, when the selection is not declarations picked from them. */
    whole?: SpecModule[];
    extra?: string;
}

function requestSection(set: SpecSet, input: RequestInput): string {
    const { selected, scope, specClauses } = input;
    const label = (d: AstNode) => `${declarationId(d)!.replace(':', ' ')} (${set.moduleOf(d)!.name})`;
    const sections: string[] = [];
    const task = input.whole
        ? `Implement every declaration of ${input.whole.map(m => `module \`${m.name}\``).join(', ')}.`
        : `Implement ${selected.map(label).join(', ')}.`;
    const listed = (ds: AstNode[]) => sortBySource(set, ds.filter(d => !selected.includes(d) && declarationId(d) !== undefined)).map(label).join(', ');
    // A whole set needs no list of what it depends on; one module of a set lists what it uses of the others.
    const wholeSet = input.whole?.length === set.selected.length;
    const dependencies = wholeSet ? '' : listed([...scope.dependencies]);
    const context = wholeSet ? '' : listed(scope.context);
    sections.push(['# Task', '', task,
        ...(dependencies ? ['', `It depends on, and must agree with: ${dependencies}.`] : []),
        ...(context ? ['', `Around it (respect, do not implement): ${context}.`] : []),
        '', 'Declarations outside the selection are implemented separately: where the code needs one, depend on a minimal interface for it (a type or a function signature) in a file of its own, without markers.'
    ].join('\n'));
    sections.push('## Clause ids to link\n\n' + specClauses.map(c => `- ${c.id}: ${c.id === c.owner ? `${describeId(splitClauseId(c.id).local)}, the whole declaration` : summary(c.node.$cstNode?.text ?? '')}`).join('\n'));
    if (input.obligations.length) {
        sections.push('## Test obligations\n\nWrite one test for each obligation, through the public interface of the code, and wrap it in markers carrying the obligation id.\n\n'
            + input.obligations.map(o => `- ${o.id} (${o.category}): ${o.description}`).join('\n'));
    }
    const inScope = sortBySource(set, [...scope.dependencies, ...scope.context]);
    const guidance = inScope.flatMap(d => annotations(d, 'guidance').map(a => `- ${qualifiedId(set, d)}: ${prose(a)}`));
    if (guidance.length) {
        sections.push('## Implementation guidance (follow it)\n\n' + guidance.join('\n'));
    }
    const properties = [
        ...inScope.filter(ast.isInvariantDecl).map(i => `- ${qualifiedId(set, i)}: ${oneLine(i.body.map(b => b.$cstNode?.text ?? '').join(' '))}`),
        ...inScope.flatMap(d => items(d).filter(ast.isEntityInvariant).map(i => `- ${qualifiedId(set, d)}/invariant:${i.name}: ${oneLine(i.body.map(b => b.$cstNode?.text ?? '').join(' '))}`)),
        ...inScope.flatMap(d => annotations(d, 'invariant').map(a => `- ${qualifiedId(set, d)} @invariant ${a.name}: ${prose(a)}`)),
        ...inScope.flatMap(d => annotations(d, 'guarantee').map(a => `- ${qualifiedId(set, d)} @guarantee ${a.name ?? ''}: ${prose(a)}`.replace(' :', ':')))
    ];
    if (properties.length) {
        sections.push('## Properties the code must keep and the tests must check\n\n' + properties.join('\n'));
    }
    // Questions and decisions of the modules the selection depends on, not of those merely around it.
    const modules = set.modules.filter(m => [...scope.dependencies].some(d => set.moduleOf(d) === m));
    const decisions = set.modules.flatMap(m => {
        const text = m.document.textDocument.getText();
        const declarations = m.module.declarations.filter(d => inScope.includes(d)).map(d => declarationSource(d, text));
        return [...(modules.includes(m) ? [moduleHeader(text)] : []), ...declarations].flatMap(decisionsIn).map(d => `- ${m.name}: ${d}`);
    });
    if (decisions.length) {
        sections.push('## Settled decisions (follow them; do not reopen them)\n\n' + [...new Set(decisions)].join('\n'));
    }
    const questions = [
        ...modules.flatMap(m => m.module.declarations.filter(ast.isOpenQuestion).map(q => `- ${m.name}: ${q.text}`)),
        ...inScope.flatMap(d => items(d).filter(ast.isOpenQuestion).map(q => `- ${qualifiedId(set, d)}: ${q.text}`))
    ];
    if (questions.length) {
        sections.push('## Open questions (undecided)\n\nThe spec has not decided these. Do not decide them silently: implement the smallest behaviour that keeps them open, and list every assumption you make about them before the first file line, one per line, starting `ASSUMPTION:`.\n\n' + questions.join('\n'));
    }
    if (input.extra?.trim()) {
        sections.push('## Extra instructions\n\n' + input.extra.trim());
    }
    return sections.join('\n\n');
}

function qualifiedId(set: SpecSet, declaration: AstNode): string {
    return qualifyClauseId(set.moduleOf(declaration)!.name, declarationId(declaration)!);
}

/** In import order of their modules, then source order. */
function sortBySource(set: SpecSet, declarations: AstNode[]): AstNode[] {
    const rank = new Map<AstNode, number>(set.modules.flatMap((m, i) => m.module.declarations.map((d, j) => [d, i * 1e6 + j] as const)));
    return declarations.filter(d => rank.has(d)).sort((a, b) => rank.get(a)! - rank.get(b)!);
}

/** `rule:ShipOrder` as a reader says it: rule ShipOrder. */
function describeId(local: string): string {
    return local.replace(':', ' ');
}

function fileName(spec: SpecModule): string {
    return spec.document.uri.path.slice(spec.document.uri.path.lastIndexOf('/') + 1);
}

function items(node: AstNode): AstNode[] {
    return 'items' in node && Array.isArray(node.items) ? node.items as AstNode[] : [];
}

function annotations(node: AstNode, kind: string): ast.Annotation[] {
    return items(node).filter(ast.isAnnotation).filter(a => a.kind === kind);
}

function prose(annotation: ast.Annotation): string {
    return annotation.prose.map(l => l.replace(/^--\s?/, '')).join(' ').trim();
}

/** A clause's text on one line, cut to what identifies it. */
function summary(text: string): string {
    const line = oneLine(text.replace(/--[^\n]*/g, ''));
    return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
