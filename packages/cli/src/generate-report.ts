import { formatUsd, type GenerationResult } from '@allium/generate';
import { INCOMPLETE_SUFFIX, printablePath, type WriteReport } from './write-files.js';

/** The summary `generate` prints to stderr after every run, however it ended. */
export function generationSummary(result: GenerationResult, written: WriteReport | undefined, out: string | undefined): string {
    const lines: string[] = [''];
    if (written) {
        lines.push(...written.written.map(p => `Wrote ${printablePath(p)}`));
        lines.push(...written.skipped.map(s => `Skipped ${printablePath(s.path)}: ${s.reason}.`));
        lines.push(`${written.written.length} file${written.written.length === 1 ? '' : 's'} written under ${out}, ${written.skipped.length} skipped.`);
    }
    if (result.notes) {
        lines.push('', 'Notes from the model (not written to any file):', ...result.notes.split('\n').map(l => (l ? `  ${l}` : '')));
    }
    if (result.assumptions.length) {
        lines.push('', 'Assumptions the model made (review them against the open questions):',
            ...result.assumptions.map(a => `  - ${a.text}${a.file ? ` (${a.file}:${(a.line ?? 0) + 1})` : ''}`));
    }
    const covered = result.clauses.length - result.uncovered.length;
    lines.push('', `Clause coverage: ${covered}/${result.clauses.length} clauses linked to generated code.`);
    lines.push(...some('not covered', result.uncovered.map(c => `${c.id} (line ${c.range.start.line + 1})`)));
    if (result.obligations.length) {
        lines.push(`Test coverage: ${result.obligations.length - result.untested.length}/${result.obligations.length} obligations have a linked test.`);
        lines.push(...some('not tested', result.untested.map(o => o.id)));
    }
    if (result.unknownIds.length) {
        lines.push(`Ignored ${result.unknownIds.length} marker id${result.unknownIds.length === 1 ? '' : 's'} the request did not list: ${result.unknownIds.slice(0, 10).join(', ')}${result.unknownIds.length > 10 ? ', ...' : ''}`);
    }
    if (result.usage) {
        const u = result.usage;
        const cost = result.cost === undefined ? `no price known for ${result.model} (pass --price)` : `cost ${formatUsd(result.cost)} on ${result.model}`;
        lines.push(`Tokens: ${u.inputTokens} in, ${u.outputTokens} out, ${u.cacheReadTokens} cache read, ${u.cacheWriteTokens} cache write over ${result.rounds} request${result.rounds === 1 ? '' : 's'}; ${cost}.`);
    }
    if (result.incomplete) {
        lines.push(`Incomplete: ${result.incomplete.message}`);
        if (result.cutFile) {
            const marked = result.cutFile + INCOMPLETE_SUFFIX;
            lines.push(`  ${printablePath(result.cutFile)} was cut off${written?.written.includes(marked) ? ` and is written as ${printablePath(marked)}` : ''}.`);
        }
    }
    return lines.join('\n') + '\n';
}

function some(label: string, items: string[]): string[] {
    return [...items.slice(0, 20).map(item => `  ${label}: ${item}`), ...(items.length > 20 ? [`  ... and ${items.length - 20} more`] : [])];
}
