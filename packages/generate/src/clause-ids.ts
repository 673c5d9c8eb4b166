/**
 * Clause ids name the parts of a spec that generated code is linked to. They read like paths, outermost first,
 * after the module that declares them, and hold no spaces so that one fits on a marker comment line:
 *
 *     orders::rule:ShipOrder                    a declaration: module, `::`, kind, colon, name
 *     orders::rule:ShipOrder/requires#1         the first `requires` of the rule: numbered per keyword from 1
 *     orders::rule:ShipOrder/when               a part that occurs once: keyword alone
 *     orders::entity:Order/transitions:status   a named part: keyword, colon, name
 *     orders::config:max_attempts               a config parameter (`config` alone is the config block)
 *     orders::test:rule-success.ShipOrder       a test obligation, named by the id `allium plan` gives it
 *
 * The module is the spec file's name without `.allium` (`billing/core` when two files of a spec set share a name),
 * so an id means the same clause wherever code carrying it lives. The module may be left out (`rule:ShipOrder`)
 * where only one module is in question. An id stays the same across edits that do not reorder the clauses of its
 * declaration. Characters a name cannot carry in an id (`/`, `#`, `:`, `%`, white space) are percent-encoded, so
 * every name has an id and parsing gives it back.
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
const MODULE = /^[\w.-]+(?:\/[\w.-]+)*$/;
const MODULE_SEPARATOR = '::';

export function formatClauseId(segments: readonly ClauseSegment[], module?: string): string {
    if (segments.length === 0) {
        throw new Error('A clause id needs at least one segment.');
    }
    const local = segments.map(formatSegment).join('/');
    return module === undefined ? local : qualifyClauseId(module, local);
}

/** `local` (an id without a module) as declared by `module`. */
export function qualifyClauseId(module: string, local: string): string {
    if (!MODULE.test(module)) {
        throw new Error(`'${module}' cannot name a module in a clause id.`);
    }
    return `${module}${MODULE_SEPARATOR}${local}`;
}

/** The module an id names, and the rest of it. */
export function splitClauseId(id: string): { module?: string; local: string } {
    const at = id.indexOf(MODULE_SEPARATOR);
    return at < 0 ? { local: id } : { module: id.slice(0, at), local: id.slice(at + MODULE_SEPARATOR.length) };
}

/**
 * Which of `ids` a written id means: the id itself, or, where the writer (a model, a person) left the module out,
 * the one id with that module-free rest; undefined when none or several do.
 */
export function idResolver(ids: Iterable<string>): (written: string) => string | undefined {
    const listed = new Set(ids);
    const byLocal = new Map<string, string | null>();
    for (const id of listed) {
        const { local } = splitClauseId(id);
        byLocal.set(local, byLocal.has(local) ? null : id);
    }
    return written => listed.has(written) ? written : splitClauseId(written).module === undefined ? byLocal.get(written) ?? undefined : undefined;
}

/** The segments of an id (its module aside), or undefined when the text is not a well-formed clause id. */
export function parseClauseId(id: string): ClauseSegment[] | undefined {
    const { module, local } = splitClauseId(id);
    if (module !== undefined && !MODULE.test(module)) {
        return undefined;
    }
    const segments: ClauseSegment[] = [];
    for (const text of local.split('/')) {
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
