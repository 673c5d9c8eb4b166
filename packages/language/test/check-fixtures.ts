import type { Diagnostic } from 'vscode-languageserver-types';

/**
 * Expected findings written in the spec itself, beside the lines they concern (as Safe-DS's tests do):
 *
 *     -- expect: warning allium.status.noExit "no rule moves it on"
 *     status: pending | shipped
 *
 * says the next line that is not an expectation has that finding (the quoted part of the message is optional), and
 *
 *     -- expect none: allium.status.noExit
 *
 * anywhere says the file has no finding of that code but those expected. Only the codes a file names are compared.
 */
export interface Expectation {
    line: number;
    severity: string;
    code: string;
    message?: string;
}

const EXPECT = /^\s*--\s*expect:\s*(error|warning|info|hint)\s+(\S+)(?:\s+"([^"]*)")?\s*$/;
const EXPECT_NONE = /^\s*--\s*expect none:\s*(\S+)\s*$/;
const SEVERITIES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function expectationsOf(text: string): { expected: Expectation[]; codes: Set<string> } {
    const expected: Expectation[] = [];
    const codes = new Set<string>();
    let pending: Omit<Expectation, 'line'>[] = [];
    text.split(/\r?\n/).forEach((line, index) => {
        const expectation = EXPECT.exec(line);
        const none = EXPECT_NONE.exec(line);
        if (expectation) {
            pending.push({ severity: expectation[1], code: expectation[2], message: expectation[3] });
            codes.add(expectation[2]);
        } else if (none) {
            codes.add(none[1]);
        } else if (pending.length > 0) {
            expected.push(...pending.map(p => ({ ...p, line: index + 1 })));
            pending = [];
        }
    });
    return { expected, codes };
}

/** The findings as `line severity code`, for the codes under test; a finding whose message lacks the expected part says so. */
export function compare(diagnostics: Diagnostic[], expected: Expectation[], codes: Set<string>): { found: string[]; wanted: string[] } {
    const key = (line: number, severity: string, code: string) => `${line} ${severity} ${code}`;
    const found = diagnostics.filter(d => codes.has(String(d.code))).map(d => {
        const line = d.range.start.line + 1;
        const severity = SEVERITIES[d.severity ?? 1];
        const wantedMessage = expected.find(e => e.line === line && e.code === d.code && e.severity === severity)?.message;
        return key(line, severity, String(d.code)) + (wantedMessage !== undefined && !d.message.includes(wantedMessage) ? ` (message: ${d.message})` : '');
    });
    return { found: found.sort(), wanted: expected.map(e => key(e.line, e.severity, e.code)).sort() };
}
