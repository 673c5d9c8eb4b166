import type { AstNode } from 'langium';

/**
 * The prose Allium authors write as comments: a module's header, the comment block above a declaration, and
 * decisions tagged in the style they use (`-- RESOLVED: ...`, `-- DECISION: ...`), which a model must take as settled.
 */
const COMMENT_LINE = /^\s*--(?!\s*allium:\s*\d)/;
const DECISION = /^\s*--\s*(RESOLVED|DECISION|DECIDED)\b\s*:?\s*(.*)$/i;
/** A comment starting a note of its own: an upper-case word and a colon. */
const TAGGED = /^\s*--\s*[A-Z][A-Z_-]+:/;

/** The comment lines directly above a node (no blank line between), as written. */
export function leadingComments(text: string, offset: number): string {
    const lines = text.slice(0, offset).split('\n');
    lines.pop(); // the start of the declaration's own line
    const block: string[] = [];
    for (let i = lines.length - 1; i >= 0 && COMMENT_LINE.test(lines[i]); i--) {
        block.unshift(lines[i].replace(/\r$/, ''));
    }
    return block.join('\n');
}

/**
 * The comment lines at the top of a module, after its version marker and up to the first blank or non-comment line.
 * Only a block that ends in a blank line counts: one that runs into a declaration is that declaration's comment.
 */
export function moduleHeader(text: string): string {
    const lines = text.split('\n').map(l => l.replace(/\r$/, ''));
    let i = /^\s*--\s*allium:\s*\d/.test(lines[0] ?? '') ? 1 : 0;
    const block: string[] = [];
    for (; i < lines.length && COMMENT_LINE.test(lines[i]); i++) {
        block.push(lines[i]);
    }
    return i < lines.length && lines[i].trim() !== '' ? '' : block.join('\n');
}

/**
 * Decisions tagged in comments of `text`, each with the comment lines continuing it: up to an empty comment, a line
 * that is not a comment, or another tag (`NOTE:`, `TODO:`, ...).
 */
export function decisionsIn(text: string): string[] {
    const lines = text.split('\n').map(l => l.replace(/\r$/, ''));
    const decisions: string[] = [];
    for (let i = 0; i < lines.length; i++) {
        const match = DECISION.exec(lines[i]);
        if (!match) {
            continue;
        }
        const parts = [match[2].trim()];
        while (i + 1 < lines.length && COMMENT_LINE.test(lines[i + 1]) && !TAGGED.test(lines[i + 1]) && lines[i + 1].replace(/^\s*--/, '').trim() !== '') {
            parts.push(lines[++i].replace(/^\s*--\s*/, '').trim());
        }
        decisions.push(parts.filter(p => p !== '').join(' '));
    }
    return decisions.filter(d => d !== '');
}

/** A declaration's source with the comment block above it. */
export function declarationSource(node: AstNode, text: string): string {
    const cst = node.$cstNode;
    if (!cst) {
        return '';
    }
    const comments = leadingComments(text, cst.offset);
    return comments ? `${comments}\n${cst.text}` : cst.text;
}
