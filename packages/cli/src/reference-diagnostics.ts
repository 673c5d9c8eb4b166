import type { LangiumDocument } from 'langium';
import { IssueCodes } from '@allium/language';
import type { Finding } from './check.js';
import { versionMarker } from './version-marker.js';

/** A diagnostic in the shape the reference's `plan`, `model`, `parse` and `analyse` print it. */
export interface ReferenceDiagnostic {
    code: string | null;
    location: { col: number; file: string; line: number };
    message: string;
    severity: 'error' | 'warning' | 'info';
}

export function referenceDiagnostic(finding: Finding, file = finding.file): ReferenceDiagnostic {
    return { code: finding.code, location: { col: finding.column, file, line: finding.line }, message: finding.message, severity: finding.severity };
}

/**
 * What the reference's single-file commands report: a missing or unsupported `-- allium: N` marker and the syntax
 * errors, without a code (the other findings are `allium check`'s business). `version` is the marker's N, or null.
 */
export function parseDiagnostics(document: LangiumDocument, findings: Finding[], file: string): { diagnostics: ReferenceDiagnostic[]; version: number | null } {
    const marker = versionMarker(document.textDocument.getText());
    const syntax = findings.filter(f => f.code === IssueCodes.Syntax).sort((a, b) => a.line - b.line || a.column - b.column)
        .map((f): ReferenceDiagnostic => ({ ...referenceDiagnostic(f, file), code: null, severity: 'error' }));
    const problem = marker.problem;
    return {
        diagnostics: problem ? [{ code: null, location: { col: 1, file, line: problem.line }, message: problem.message, severity: problem.severity }, ...syntax] : syntax,
        version: marker.version
    };
}
