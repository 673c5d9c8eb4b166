/** The language version a spec declares on its first non-blank line (`-- allium: 3`), as `allium plan` reports it. */
export interface VersionMarker {
    version: number | null;
    /** What is wrong with the marker, in the reference's severities: a missing one warns, an unknown version fails. */
    problem?: { line: number; severity: 'warning' | 'error'; message: string };
}

const MARKER = /^--\s*allium:\s*(\d+)\s*$/;
const SUPPORTED = [1, 2, 3];

export function versionMarker(text: string): VersionMarker {
    const lines = text.split(/\r?\n/);
    const at = lines.findIndex(line => line.trim() !== '');
    const match = at >= 0 ? MARKER.exec(lines[at].trim()) : null;
    if (!match) {
        return { version: null, problem: { line: 1, severity: 'warning', message: "no version marker: the first line should be '-- allium: 3'" } };
    }
    const version = Number(match[1]);
    return SUPPORTED.includes(version) ? { version }
        : { version, problem: { line: at + 1, severity: 'error', message: `allium version ${version} is not supported; versions ${SUPPORTED.join(', ')} are` } };
}
