/** A finding of `allium check --json`, whose objects (one per file, as the reference CLI prints) are flattened here. */
export interface CheckedFinding {
    file: string;
    line: number;
    column: number;
    severity: string;
    code: string | null;
    message: string;
}

interface FileObject {
    command: string;
    diagnostics: Array<{ code: string | null; location: { col: number; file: string; line: number }; message: string; severity: string }>;
    findings: unknown[];
    spec_file: string;
}

/** The files checked and their findings, from the output: JSON objects one after the other, each opening on a line `{`. */
export function checkJson(stdout: string): { files: string[]; diagnostics: CheckedFinding[]; objects: FileObject[] } {
    const objects = stdout.split(/^(?=\{$)/m).filter(part => part.trim() !== '').map(part => JSON.parse(part) as FileObject);
    return {
        objects,
        files: objects.map(o => o.spec_file),
        diagnostics: objects.flatMap(o => o.diagnostics.map(d => ({
            file: d.location.file, line: d.location.line, column: d.location.col, severity: d.severity, code: d.code, message: d.message
        })))
    };
}
