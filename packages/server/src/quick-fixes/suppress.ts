import { IssueCodes } from '@allium/language';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { insertAt, lineText } from './edits.js';

const DIRECTIVE = /^([ \t]*)--\s*allium-ignore\s+(.*\S)\s*$/;

/**
 * `-- allium-ignore CODE` on the line above silences one finding where the spec means it (the reference checker
 * reads the same comment). An existing directive on that line gets the code added rather than a second line, since
 * only the nearest directive counts. Syntax errors cannot be silenced.
 */
export function suppressFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (!code?.startsWith('allium.') || code === IssueCodes.Syntax) {
        return undefined;
    }
    const line = diagnostic.range.start.line;
    const above = line > 0 ? lineText(document, line - 1) : '';
    const existing = DIRECTIVE.exec(above);
    let edit: TextEdit;
    if (existing) {
        const codes = existing[2].split(',').map(c => c.trim());
        if (codes.includes(code) || codes.includes('all')) {
            return undefined;
        }
        edit = insertAt({ line: line - 1, character: above.replace(/\s+$/, '').length }, `, ${code}`);
    } else {
        const indent = /^[ \t]*/.exec(lineText(document, line))![0];
        edit = insertAt({ line, character: 0 }, `${indent}-- allium-ignore ${code}\n`);
    }
    return {
        title: `Ignore ${code} on this line`,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri.toString()]: [edit] } }
    };
}
