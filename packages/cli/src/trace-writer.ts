import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
    parseTraceRecord, promptIdResolver, recordGeneration, serialiseTraceRecord, textWithMarkers, TRACE_FILE,
    type GenerationPrompt, type GenerationResult
} from '@allium/generate';
import { INCOMPLETE_SUFFIX, writeOwnFile, type FileToWrite, type WriteReport } from './write-files.js';

/** The generated files as saved: with their region markers, each naming the clause or obligation id it links. */
export function filesToSave(prompt: GenerationPrompt, result: GenerationResult): FileToWrite[] {
    const resolve = promptIdResolver(prompt);
    return result.files.map(file => ({ path: file.path, text: textWithMarkers(file, result.regions, resolve) }));
}

/**
 * Updates `.allium/trace.json` under the output folder with what this run wrote: an entry per clause and obligation
 * whose code landed in a written file (a file cut off, or skipped, records nothing). An existing record that cannot
 * be read is left alone rather than replaced. Says what it did, or why not.
 */
export function writeTrace(out: string, prompt: GenerationPrompt, result: GenerationResult, written: WriteReport): string {
    const file = path.join(path.resolve(out), ...TRACE_FILE.split('/'));
    let previous;
    if (existsSync(file)) {
        const parsed = parseTraceRecord(readFileSync(file, 'utf8'));
        if ('error' in parsed) {
            return `Left ${TRACE_FILE} as it is: it is ${parsed.error}.`;
        }
        previous = parsed;
    }
    const complete = new Set(written.written.filter(p => !p.endsWith(INCOMPLETE_SUFFIX)));
    const regions = result.regions.filter(r => complete.has(r.file));
    if (!previous && regions.length === 0) {
        return `No ${TRACE_FILE} written: no written file links a clause.`;
    }
    const record = recordGeneration(previous, prompt, { model: result.model, generatedAt: new Date().toISOString(), regions });
    const problem = writeOwnFile(out, TRACE_FILE, serialiseTraceRecord(record));
    return problem ? `Could not write ${TRACE_FILE}: ${problem}.` : `Trace: ${path.join(out, TRACE_FILE)} records ${count(Object.keys(record.clauses).length, 'clause')} and ${count(Object.keys(record.obligations).length, 'obligation')}.`;
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
