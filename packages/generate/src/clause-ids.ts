/**
 * Clause ids name the parts of a spec that generated code is linked to. They read like paths, outermost first,
 * and hold no spaces so that one fits on a marker comment line:
 *
 *     rule:ShipOrder                    a declaration: kind, colon, name
 *     rule:ShipOrder/requires#1         the first `requires` of the rule: numbered per keyword from 1
 *     rule:ShipOrder/when               a part that occurs once: keyword alone
 *     entity:Order/field:status         a named part: keyword, colon, name
 *     entity:Order/transitions:status
 *     config:max_attempts               a config parameter (`config` alone is the config block)
 *
 * An id stays the same across edits that do not reorder the clauses of its declaration. Characters a name cannot
 * carry in an id (`/`, `#`, `:`, `%`, white space) are percent-encoded, so every name has an id and parsing gives it
 * back.
 */
export interface ClauseSegment {
    keyword: string;
    name?: string;
    /** 1-based position among the parts of the same keyword. */
    index?: number;
}

const KEYWORD = /^[A-Za-z_][\w-]*$/;
const RESERVED = /[\s/#:%]/g;
const SEGMENT = /^([A-Za-z_][\w-]*)(?::([^\s/#:]+)|#([1-9]\d*))?$/;

export function formatClauseId(segments: readonly ClauseSegment[]): string {
    if (segments.length === 0) {
        throw new Error('A clause id needs at least one segment.');
    }
    return segments.map(formatSegment).join('/');
}

/** The segments of an id, or undefined when the text is not a well-formed clause id. */
export function parseClauseId(id: string): ClauseSegment[] | undefined {
    const segments: ClauseSegment[] = [];
    for (const text of id.split('/')) {
        const match = SEGMENT.exec(text);
        if (!match) {
            return undefined;
        }
        const [, keyword, name, index] = match;
        if (name !== undefined) {
            const decoded = decodeName(name);
            if (decoded === undefined) {
                return undefined;
            }
            segments.push({ keyword, name: decoded });
        } else {
            segments.push(index !== undefined ? { keyword, index: Number(index) } : { keyword });
        }
    }
    return segments;
}

function formatSegment(segment: ClauseSegment): string {
    if (!KEYWORD.test(segment.keyword)) {
        throw new Error(`'${segment.keyword}' cannot be a clause id keyword.`);
    }
    if (segment.name !== undefined) {
        if (segment.name === '') {
            throw new Error('A name in a clause id cannot be empty.');
        }
        return `${segment.keyword}:${segment.name.replace(RESERVED, encodeURIComponent)}`;
    }
    if (segment.index !== undefined) {
        if (!Number.isInteger(segment.index) || segment.index < 1) {
            throw new Error(`Clause id positions count from 1, not ${segment.index}.`);
        }
        return `${segment.keyword}#${segment.index}`;
    }
    return segment.keyword;
}

function decodeName(name: string): string | undefined {
    try {
        return decodeURIComponent(name);
    } catch {
        return undefined;
    }
}
