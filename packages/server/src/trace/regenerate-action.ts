import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { Commands } from '@allium/generate';
import { IssueCodes } from '@allium/language';

/** "Regenerate this clause" on a clause that changed since its code was generated. */
export function regenerateActions(params: CodeActionParams): CodeAction[] {
    return params.context.diagnostics.filter(d => d.code === IssueCodes.TraceDrifted).flatMap(diagnostic => {
        const clauseId = (diagnostic.data as { clauseId?: unknown } | undefined)?.clauseId;
        return typeof clauseId === 'string' ? [{
            title: `Regenerate ${clauseId}`, kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true,
            command: { title: 'Regenerate this clause', command: Commands.regenerateClause, arguments: [clauseId] }
        }] : [];
    });
}
