import { languageOfPath } from '../file-languages.js';
import { BEGIN_MARKER, END_MARKER } from '../marker-lines.js';
import type { GeneratedFile, Region } from '../marker-parser.js';

/** The line comment leader of a file's language, by its name; none for formats that have no line comments. */
const LEADERS: Record<string, string> = {
    typescript: '//', typescriptreact: '//', javascript: '//', javascriptreact: '//', kotlin: '//', java: '//', groovy: '//',
    go: '//', rust: '//', css: '/*', python: '#', shellscript: '#', yaml: '#', toml: '#', properties: '#', dockerfile: '#',
    makefile: '#', sql: '--'
};
const CLOSERS: Record<string, string> = { '/*': ' */' };

/**
 * A generated file's text as it is saved: with its region markers, so that links outlive the preview. The parser
 * removed the markers the model wrote (with whatever it put after the ids); they are written back in one short form,
 * `<indent><comment> @allium-begin <id>`, at the region's bounds, indented like the region's first line, and with the
 * id the request listed (`resolve`), so a marker always carries its module. A file in a language without line
 * comments (JSON, Markdown) is saved without markers.
 */
export function textWithMarkers(file: GeneratedFile, regions: readonly Region[], resolve: (id: string) => string | undefined = id => id): string {
    const leader = LEADERS[languageOfPath(file.path)];
    const own = regions.filter(r => r.file === file.path && r.endLine > r.startLine);
    if (!leader || own.length === 0) {
        return file.text;
    }
    const lines = file.text.split('\n');
    const begins = new Map<number, Region[]>();
    const ends = new Map<number, Region[]>();
    for (const region of own) {
        begins.set(region.startLine, [...begins.get(region.startLine) ?? [], region]);
        ends.set(region.endLine, [...ends.get(region.endLine) ?? [], region]);
    }
    const closer = CLOSERS[leader] ?? '';
    const marker = (kind: string, region: Region) => `${indentOf(lines[region.startLine] ?? '')}${leader} ${kind} ${resolve(region.clauseId) ?? region.clauseId}${closer}`;
    const out: string[] = [];
    for (let i = 0; i <= lines.length; i++) {
        // Inner regions close first and outer ones open first, so nesting survives.
        for (const region of (ends.get(i) ?? []).sort((a, b) => b.startLine - a.startLine)) {
            out.push(marker(END_MARKER, region));
        }
        for (const region of (begins.get(i) ?? []).sort((a, b) => b.endLine - a.endLine)) {
            out.push(marker(BEGIN_MARKER, region));
        }
        if (i < lines.length) {
            out.push(lines[i]);
        }
    }
    return out.join('\n');
}

function indentOf(line: string): string {
    return /^[ \t]*/.exec(line)![0];
}
