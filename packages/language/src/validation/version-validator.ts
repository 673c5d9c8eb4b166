import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import type { Module } from '../generated/ast.js';

/** Language versions whose rules the checker knows; the reference checks these three with the same rules. */
export const SUPPORTED_VERSIONS: readonly number[] = [1, 2, 3];

/** A file without a marker is read as version 1, the first version of the language, as the reference does. */
export const DEFAULT_VERSION = 1;


/**
 * The version marker is the file's first comment, before any code: `-- allium: N` (spaces optional). Blank lines
 * and indentation before it are allowed; a later comment never counts. Both findings sit where the code starts
 * (or at the end of a file that has none), which is where the reader looks for what the marker governs.
 */
export function checkVersionMarker(module: Module, accept: ValidationAcceptor): void {
    const text = module.$cstNode?.root.fullText ?? '';
    const { version, codeStart } = readVersionMarker(text);
    const range = { start: positionAt(text, codeStart), end: positionAt(text, codeStart) };
    if (version === undefined) {
        accept('warning', `No version marker: the file is read as Allium ${DEFAULT_VERSION}. Start it with '-- allium: ${DEFAULT_VERSION}' (or the version it is written in).`,
            { node: module, range, code: IssueCodes.VersionMissing });
    } else if (!SUPPORTED_VERSIONS.includes(version)) {
        // An error of the file's header, like a syntax error: nothing below can be read with certainty.
        accept('error', `Allium ${version} is not a version this checker knows; it checks versions ${SUPPORTED_VERSIONS.join(', ')}.`,
            { node: module, range, code: IssueCodes.Syntax });
    }
}

/** The declared version (undefined without a marker) and the offset where the code after the leading comments starts. */
export function readVersionMarker(text: string): { version: number | undefined; codeStart: number } {
    // A byte order mark is not part of the text (editors on Windows write one): the marker may follow it.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const leading = /^(?:[ \t]*(?:--[^\n\r]*)?(?:\r?\n|\r|$))*/.exec(text.slice(bom))?.[0] ?? '';
    let codeStart = bom + leading.length;
    // The pattern stops at the start of a line; the code may be indented.
    while (codeStart < text.length && (text[codeStart] === ' ' || text[codeStart] === '\t')) {
        codeStart++;
    }
    const firstComment = /^\s*(--[^\n\r]*)/.exec(leading)?.[1];
    const marker = firstComment === undefined ? undefined : /^--\s*allium:\s*(\d+)\s*$/.exec(firstComment);
    return { version: marker ? Number(marker[1]) : undefined, codeStart };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split(/\r?\n|\r/).length - 1;
    return { line, character: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1 };
}
