import { IssueCodes } from './diagnostics/catalogue.js';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

/**
 * Characters of a document above which it gets syntax and structure only (parse errors, outline, folding, formatting):
 * linking and the checks grow with the references and declarations of the file, and on a file this large they would
 * keep the editor waiting for seconds on every edit.
 */
export const FULL_CHECK_LIMIT = 2_000_000;

/** Characters above which a document is not parsed at all: parsing takes seconds and memory in gigabytes there. */
export const PARSE_LIMIT = 4_000_000;


export function overBudget(document: LangiumDocument): boolean {
    return document.textDocument.getText().length > FULL_CHECK_LIMIT;
}

export function tooLargeToParse(text: string): boolean {
    return text.length > PARSE_LIMIT;
}

/** Says on the first line which checks were skipped and why. */
export function budgetNotice(document: LangiumDocument): Diagnostic {
    const text = document.textDocument.getText();
    const size = (text.length / 1_000_000).toFixed(1);
    const skipped = tooLargeToParse(text)
        ? `more than the ${PARSE_LIMIT / 1_000_000} million Allium parses: it is not checked at all, not even its syntax.`
        : `more than the ${FULL_CHECK_LIMIT / 1_000_000} million Allium checks fully: only its syntax is checked. Names are not resolved and the other checks are skipped.`;
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'allium',
        code: IssueCodes.Budget,
        message: `This file has ${size} million characters, ${skipped} This keeps the editor responsive; split the file to have it checked.`
    };
}
