import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository's copy of the shared corpus (see its README.md). */
export const CORPUS = path.resolve(__dirname, '../corpus');

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Every `.allium` file of the corpus under `dir`, sorted. */
export function corpusFiles(dir = CORPUS, keep: (file: string) => boolean = () => true): string[] {
    return readdirSync(dir).flatMap(e => {
        const full = path.join(dir, e);
        return statSync(full).isDirectory() ? corpusFiles(full, keep) : e.endsWith('.allium') && keep(full) ? [full] : [];
    }).sort();
}

/** A corpus file's text and URI, by its path under the corpus. */
export function corpusFile(relative: string): { text: string; uri: string; path: string } {
    const file = path.join(CORPUS, relative);
    return { text: readFileSync(file, 'utf8'), uri: pathToFileURL(file).href, path: file };
}

/** The position of the `nth` occurrence of `needle` in `text`, moved `offsetInNeedle` characters into it. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0, nth = 0): Position {
    let index = -1;
    for (let i = 0; i <= nth; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) {
            throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
        }
    }
    const before = text.slice(0, index + offsetInNeedle);
    const line = before.split('\n').length - 1;
    return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
