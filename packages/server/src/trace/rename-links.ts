import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { formatClauseId, serialiseTraceRecord, splitClauseId, type TraceRecord } from '@allium/generate';
import type { CodeIndex } from './code-index.js';

/**
 * The edits that keep generated code linked when a declaration is renamed: every marker naming the declaration, one
 * of its clauses or one of its test obligations, and the trace records' entries, get the new name; in the same
 * workspace edit as the rename itself. `local` is the declaration's id without its module (`rule:ShipOrder`).
 */
export function renameLinkEdits(index: CodeIndex, module: string, local: string, oldName: string, newName: string): Record<string, TextEdit[]> {
    const keyword = local.slice(0, local.indexOf(':'));
    const renamed = formatClauseId([{ keyword, name: newName }]);
    const rename = (id: string): string | undefined => {
        const split = splitClauseId(id);
        if (split.module !== undefined && split.module !== module) {
            return undefined;
        }
        const prefix = split.module === undefined ? '' : `${module}::`;
        if (split.local === local || split.local.startsWith(`${local}/`)) {
            return prefix + renamed + split.local.slice(local.length);
        }
        // A test obligation's id names the declarations it is about between dots: `when-set.ShipOrder.Order.status`.
        const test = /^test:([^/]+)$/.exec(split.local);
        const parts = test?.[1].split('.');
        return parts?.includes(oldName) ? `${prefix}test:${parts.map(p => (p === oldName ? newName : p)).join('.')}` : undefined;
    };
    const changes: Record<string, TextEdit[]> = {};
    for (const uri of index.files()) {
        const lines = readLines(uri);
        const edits: TextEdit[] = [];
        for (const region of index.regionsIn(uri)) {
            const next = rename(region.id);
            if (next === undefined) {
                continue;
            }
            for (const line of new Set([region.beginLine, region.endLine])) {
                const at = lines[line]?.indexOf(region.id) ?? -1;
                if (at >= 0 && /@allium-(begin|end)/.test(lines[line])) {
                    edits.push({ range: { start: { line, character: at }, end: { line, character: at + region.id.length } }, newText: next });
                }
            }
        }
        if (edits.length) {
            changes[uri] = edits;
        }
    }
    for (const [uri, record] of index.recordFiles()) {
        const updated = renameEntries(record, rename);
        if (updated) {
            const lines = readLines(uri);
            changes[uri] = [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: serialiseTraceRecord(updated) }];
        }
    }
    return changes;
}

function renameEntries(record: TraceRecord, rename: (id: string) => string | undefined): TraceRecord | undefined {
    let changed = false;
    const renameKeys = <T>(map: Record<string, T>) => Object.fromEntries(Object.entries(map).map(([id, entry]) => {
        const next = rename(id);
        changed ||= next !== undefined;
        return [next ?? id, entry];
    }));
    const clauses = renameKeys(record.clauses);
    const obligations = Object.fromEntries(Object.entries(renameKeys(record.obligations)).map(([id, entry]) => [id, { ...entry, owner: rename(entry.owner) ?? entry.owner }]));
    return changed ? { version: record.version, clauses, obligations } : undefined;
}

function readLines(uri: string): string[] {
    try {
        return readFileSync(URI.parse(uri).fsPath, 'utf8').split('\n');
    } catch {
        return [];
    }
}
