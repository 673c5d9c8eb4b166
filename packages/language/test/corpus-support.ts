import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The repository's copy of the shared corpus (see its README.md). */
export const CORPUS = path.resolve(__dirname, '../../../test/corpus');

/** Every `.allium` file of the corpus, relative to it. */
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
}

let expected: Record<string, Array<[number, number, string, string | null]>> | undefined;

/** The reference checker's findings on one corpus file (`allium check` 3.5.3, the file checked alone). */
export function referenceDiagnostics(file: string): ReferenceDiagnostic[] {
    expected ??= JSON.parse(readFileSync(path.join(CORPUS, 'expected-findings.json'), 'utf8'));
    return (expected![file.split(path.sep).join('/')] ?? []).map(([line, col, severity, code]) => ({ line, col, severity, code }));
}

export function corpusText(file: string): string {
    return readFileSync(path.join(CORPUS, file), 'utf8');
}
