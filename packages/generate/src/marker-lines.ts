/**
 * The line protocol the model is asked to follow: a line `=== FILE: <path> ===` starts each file, and line
 * comments `@allium-begin <clause-id>` / `@allium-end <clause-id>` wrap the code of each clause. Recognition is
 * lenient about what models do anyway: any comment leader of the target languages (`//`, `///`, `//!`, `#`, `--`,
 * `/* ... *\/`), text after the id, a missing id on an end marker, a FILE line inside a comment or without its
 * closing `===`, and Markdown code fences around files.
 */
export const FILE_MARKER = '=== FILE:';
export const BEGIN_MARKER = '@allium-begin';
export const END_MARKER = '@allium-end';

const LEADER = String.raw`(?:\/\/[\/!]?|#|--|\/\*+)`;
const FILE_LEADER = String.raw`(?:(?:\/\/|#|--)\s*)?`;
const FILE_LINE = new RegExp(String.raw`^\s*${FILE_LEADER}={3,}\s*FILE:\s*(.*?)\s*(?:={3,}\s*)?$`);
const REGION_LINE = new RegExp(String.raw`^\s*${LEADER}\s*@allium-(begin|end)(?=$|[\s*])(?:\s+([^\s*]+))?.*$`);
const FENCE_LINE = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/;

/** Incomplete lines that have already committed to being a marker: the rest of the line cannot change that. */
const COMMITTED = new RegExp(String.raw`^\s*(?:${LEADER}\s*@allium-(?:begin|end)[\s*]|${FILE_LEADER}={3,}\s*FILE:)`);
const MARKER_PREFIX = String.raw`\/|-|${LEADER}\s*(?:${prefixOf('@allium-begin')}|${prefixOf('@allium-end')}|@allium-(?:begin|end)[\s*].*)`
    + String.raw`|${FILE_LEADER}(?:={1,2}|={3,}\s*(?:${prefixOf('FILE:')}|FILE:.*))`;
const MIGHT_BE_MARKER = new RegExp(String.raw`^\s*(?:${MARKER_PREFIX})?$`);
const MIGHT_BE_MARKER_OR_FENCE = new RegExp(String.raw`^\s*(?:${MARKER_PREFIX}|\`{1,2}|~{1,2}|\`{3,}\s*[\w+#.-]*\s*|~{3,}\s*[\w+#.-]*\s*)?$`);

export interface RegionMarker {
    kind: 'begin' | 'end';
    /** Absent on an end marker that closes the innermost open region. */
    clauseId?: string;
}

export interface Fence {
    marker: string;
    info: string;
}

/** The path of a file boundary line, quotes and a leading `./` removed. */
export function matchFileLine(line: string): string | undefined {
    const match = FILE_LINE.exec(line);
    const path = match?.[1].replace(/^[`'"]+|[`'"]+$/g, '').replace(/^(?:\.\/)+/, '');
    return path ? path : undefined;
}

export function matchRegionLine(line: string): RegionMarker | undefined {
    const match = REGION_LINE.exec(line);
    return match ? { kind: match[1] as 'begin' | 'end', clauseId: match[2] } : undefined;
}

export function matchFence(line: string): Fence | undefined {
    const match = FENCE_LINE.exec(line);
    return match ? { marker: match[1], info: match[2] } : undefined;
}

/** Whether a fence closes an open one: the same character, at least as long, and no info string (CommonMark). */
export function closesFence(open: Fence, candidate: Fence): boolean {
    return candidate.info === '' && candidate.marker[0] === open.marker[0] && candidate.marker.length >= open.marker.length;
}

/**
 * Whether the start of a line, not yet complete, may still turn out to be a marker line (or a fence, where one
 * would be recognised), so it must be held back; `committed` when nothing later on the line can change that.
 * Work is proportional to the held text, which stays short: a line is released as soon as it cannot be a marker.
 */
export function classifyPartialLine(partial: string, fenceAllowed: boolean): 'text' | 'maybe' | 'committed' {
    if (COMMITTED.test(partial)) {
        return 'committed';
    }
    return (fenceAllowed ? MIGHT_BE_MARKER_OR_FENCE : MIGHT_BE_MARKER).test(partial) ? 'maybe' : 'text';
}

/** A pattern matching every prefix of `literal`, the empty one included. */
function prefixOf(literal: string): string {
    let pattern = '';
    for (let i = literal.length - 1; i >= 0; i--) {
        pattern = `(?:${literal[i].replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}${pattern})?`;
    }
    return pattern;
}
