import type { AstNode, LangiumDocument } from 'langium';
import * as ast from '@allium/language';
import { documentLines } from '@allium/language';

export type GuidedConstruct = ast.RuleDecl | ast.ContractDecl | ast.SurfaceDecl;

export function isGuided(node: AstNode): node is GuidedConstruct {
    return ast.isRuleDecl(node) || ast.isContractDecl(node) || ast.isSurfaceDecl(node);
}

export function code(text: string): string {
    return '```allium\n' + text + '\n```';
}

/** The construct's header: `rule Name` with its trigger, a surface's or contract's clause lines, or a small declaration whole. */
export function signature(declaration: AstNode): string {
    if (ast.isRuleDecl(declaration)) {
        const trigger = declaration.items.find(ast.isTriggerClause);
        return `rule ${declaration.name}` + (trigger?.$cstNode ? `\n    ${trigger.$cstNode.text.trim()}` : '');
    }
    if (ast.isContractDecl(declaration) || ast.isSurfaceDecl(declaration)) {
        const keyword = ast.isContractDecl(declaration) ? 'contract' : 'surface';
        const header = declaration.items.filter(i => !ast.isAnnotation(i)).map(i => '    ' + firstLine(i.$cstNode?.text ?? ''));
        return `${keyword} ${declaration.name}` + (header.length ? '\n' + header.slice(0, 8).join('\n') + (header.length > 8 ? '\n    ...' : '') : '');
    }
    const lines = (declaration.$cstNode?.text ?? '').split(/\r?\n/);
    return lines.length <= 15 ? lines.join('\n') : lines.slice(0, 14).join('\n') + '\n    ...';
}

/** Each `@guidance` of a construct as Markdown under its label, then its other annotations (`@invariant Name`, `@guarantee Name`). */
export function annotationSections(construct: GuidedConstruct): string[] {
    const annotations = construct.items.filter(ast.isAnnotation);
    return [
        ...annotations.filter(a => a.kind === 'guidance').map(a => '**Implementation guidance**\n\n' + prose(a)),
        ...annotations.filter(a => a.kind !== 'guidance').map(a => `**@${a.kind}${a.name ? ' ' + a.name : ''}**\n\n` + prose(a))
    ];
}

export function hasGuidance(construct: GuidedConstruct): boolean {
    return construct.items.some(i => ast.isAnnotation(i) && i.kind === 'guidance');
}

/** Prose lines without their `--` markers; a line of its own stays a paragraph line. */
function prose(annotation: ast.Annotation): string {
    return annotation.prose.map(line => line.replace(/^--\s?/, '')).join('\n');
}

function firstLine(text: string): string {
    return text.split(/\r?\n/)[0].trim();
}

/** `--` comment lines directly above a declaration, or at the end of its first line; never section dividers. */
export function comment(node: AstNode, document: LangiumDocument): string | undefined {
    const start = node.$cstNode?.range.start.line;
    if (start === undefined) {
        return undefined;
    }
    const lines = documentLines(document.textDocument.getText());
    const above: string[] = [];
    for (let i = start - 1; i >= 0; i--) {
        const line = lines[i].trim();
        if (!line.startsWith('--') || /^--\s*-{3,}/.test(line) || /^--\s*allium:/.test(line)) {
            break;
        }
        above.unshift(line.replace(/^--\s?/, ''));
    }
    const trailing = /\s--\s?(.*)$/.exec(lines[start].slice(node.$cstNode!.range.start.character))?.[1];
    const text = [...above, ...(trailing ? [trailing] : [])].join('\n');
    return text.trim() ? text : undefined;
}

/** A list of construct labels as Markdown, shortened past a dozen. */
export function names(labels: string[]): string {
    const shown = labels.slice(0, 12).map(l => `\`${l}\``).join(', ');
    return labels.length > 12 ? `${shown} and ${labels.length - 12} more` : shown;
}
