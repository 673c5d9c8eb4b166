import { matchRegionLine } from '../marker-lines.js';

/** A region of saved code between an `@allium-begin <id>` line and its `@allium-end` line (zero-based lines). */
export interface CodeRegion {
    id: string;
    /** The begin marker's line. */
    beginLine: number;
    /** The end marker's line; the last line of the file when the region is never closed. */
    endLine: number;
    /** Whether an end marker closed it. */
    complete: boolean;
}

/**
 * The linked regions of a source file that keeps its markers, in any language: a marker is a comment line with any
 * of the leaders the protocol allows (docs/generation-protocol.md). Linear in the text; an end marker closes the
 * innermost open region with its id (or the innermost one when it names none), as the stream parser does.
 */
export function scanMarkers(text: string): CodeRegion[] {
    const regions: CodeRegion[] = [];
    const open: CodeRegion[] = [];
    let line = 0;
    let lineStart = 0;
    const advanceTo = (offset: number) => {
        for (let newline = text.indexOf('\n', lineStart); newline >= 0 && newline < offset; newline = text.indexOf('\n', lineStart)) {
            line++;
            lineStart = newline + 1;
        }
    };
    // Only the lines holding `@allium-` are matched: files are mostly code, and the regular expression costs more.
    for (let at = text.indexOf('@allium-'); at >= 0; ) {
        advanceTo(at);
        const newline = text.indexOf('\n', at);
        const end = newline < 0 ? text.length : newline;
        const marker = matchRegionLine(text.slice(lineStart, end).replace(/\r$/, ''));
        if (marker?.kind === 'begin' && marker.clauseId) {
            const region = { id: marker.clauseId, beginLine: line, endLine: line, complete: false };
            regions.push(region);
            open.push(region);
        } else if (marker?.kind === 'end') {
            let index = open.length - 1;
            while (marker.clauseId !== undefined && index >= 0 && open[index].id !== marker.clauseId) {
                index--;
            }
            if (index >= 0) {
                const [closed] = open.splice(index, 1);
                closed.endLine = line;
                closed.complete = true;
            }
        }
        at = text.indexOf('@allium-', end);
    }
    advanceTo(text.length);
    for (const region of open) {
        region.endLine = line;
    }
    return regions;
}
