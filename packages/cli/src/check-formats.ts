import { DIAGNOSTICS_DOC_URL, IssueCodes } from '@allium/language';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from './check.js';
import { codeHelp } from './code-help.js';
import { referenceDiagnostic } from './reference-diagnostics.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = typeof FORMATS[number];

/** What one check run reports: the files checked (as findings name them) and what is left to report. */
export interface CheckReport {
    files: string[];
    findings: Finding[];
    /** Findings the baseline holds, left out of `findings`. */
    baselined: number;
}

/** `file:line:column: severity[code]: message` lines and a count, for people. */
export function formatText(report: CheckReport): string {
    const { files, findings } = report;
    const lines = findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.severity}${f.code ? `[${f.code}]` : ''}: ${f.message}`);
    const count = (s: Severity) => findings.filter(f => f.severity === s).length;
    const known = report.baselined > 0 ? ` (${report.baselined} more in the baseline)` : '';
    lines.push(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos${known}.`);
    return lines.join('\n') + '\n';
}

/**
 * The reference CLI's output: one object per file checked, keys in alphabetical order as it prints them, so
 * scripts written against `allium check` read ours unchanged.
 */
export function formatJson(report: CheckReport): string {
    return report.files.map(file => JSON.stringify({
        command: 'check',
        diagnostics: report.findings.filter(f => f.file === file).map(f => referenceDiagnostic(f)),
        findings: [],
        spec_file: file
    }, null, 2) + '\n').join('');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one rule per code with its help, results with the file relative to
 * the checked folder (`%SRCROOT%`), line and column, and a fingerprint that survives lines moving.
 */
export function formatSarif(report: CheckReport, root: string, version: string): string {
    const codes = [...new Set(report.findings.map(ruleId))].sort();
    const rules = codes.map(id => {
        const example = report.findings.find(f => ruleId(f) === id);
        const { title, help, helpUri } = codeHelp(id, example?.message);
        return {
            id,
            name: title,
            shortDescription: { text: title },
            fullDescription: { text: help },
            help: { text: help },
            helpUri,
            defaultConfiguration: { level: SARIF_LEVEL[example?.severity ?? 'warning'] }
        };
    });
    const results = report.findings.map(f => ({
        ruleId: ruleId(f),
        ruleIndex: codes.indexOf(ruleId(f)),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file.split(/[\\/]/).join('/')), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column }
            }
        }],
        partialFingerprints: { 'alliumFinding/v1': createHash('sha256').update(findingKey(f)).digest('hex').slice(0, 32) }
    }));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'allium', informationUri: DIAGNOSTICS_DOC_URL, semanticVersion: version, rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(root).href.replace(/\/$/, '')}/` } },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

function ruleId(finding: Finding): string {
    return finding.code ?? IssueCodes.Syntax;
}

/** What identifies a finding across edits: its code, file, message and declaration, not its line. */
export function findingKey(finding: Pick<Finding, 'code' | 'file' | 'message' | 'declaration'>): string {
    return JSON.stringify([finding.code, finding.file.split(/[\\/]/).join('/'), finding.message, finding.declaration ?? null]);
}
