import type { Diagnostic } from 'vscode-languageserver-types';

const DIRECTIVE = /^[ \t]*--\s*allium-ignore\s+([A-Za-z0-9._,\- \t]+)$/gm;

/**
 * `-- allium-ignore code[, code...]` (or `all`) on a line of its own silences those diagnostics on that line and
 * the next, as the reference checker does, so existing suppressions keep working.
 */
export function applySuppressions(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
    const byLine = new Map<number, Set<string>>();
    for (const match of text.matchAll(DIRECTIVE)) {
        const line = lineOf(text, match.index);
        byLine.set(line, new Set(match[1].split(',').map(c => c.trim()).filter(c => c !== '')));
    }
    if (byLine.size === 0) {
        return diagnostics;
    }
    return diagnostics.filter(d => {
        const codes = byLine.get(d.range.start.line) ?? byLine.get(d.range.start.line - 1);
        return !codes || !(codes.has('all') || (typeof d.code === 'string' && codes.has(d.code)));
    });
}

function lineOf(text: string, offset: number): number {
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
    }
    return line;
}
