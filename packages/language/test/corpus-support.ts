import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
export const EXPECTED = path.resolve(__dirname, '../../../../shared/corpus-expected');

/** Every `.allium` file of the shared corpus, relative to it. */
export function corpusFiles(dir = CORPUS): string[] {
    return readdirSync(dir).flatMap(entry => {
        const full = path.join(dir, entry);
        return statSync(full).isDirectory() ? corpusFiles(full) : entry.endsWith('.allium') ? [path.relative(CORPUS, full)] : [];
    }).sort();
}

export interface ReferenceDiagnostic {
    line: number;
    col: number;
    severity: string;
    code: string | null;
    message: string;
}

export function referenceDiagnostics(file: string): ReferenceDiagnostic[] {
    const json = JSON.parse(readFileSync(path.join(EXPECTED, file + '.json'), 'utf8'));
    return json.diagnostics.map((d: { location: { line: number; col: number }; severity: string; code: string | null; message: string }) =>
        ({ line: d.location.line, col: d.location.col, severity: d.severity, code: d.code, message: d.message }));
}

export function corpusText(file: string): string {
    return readFileSync(path.join(CORPUS, file), 'utf8');
}
