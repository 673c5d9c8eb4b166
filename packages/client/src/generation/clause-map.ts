import type { PromptClause } from '@allium/generate/streaming';

/** The innermost clauses of a spec file containing a position (a rule and its `ensures#2` both contain a line of that clause). */
export function clausesAt(clauses: PromptClause[], uri: string, line: number, character: number): PromptClause[] {
    const containing = clauses.filter(c => c.uri === uri && contains(c.range, line, character));
    return containing.sort((a, b) => size(a.range) - size(b.range));
}

function contains(range: PromptClause['range'], line: number, character: number): boolean {
    const afterStart = line > range.start.line || (line === range.start.line && character >= range.start.character);
    const beforeEnd = line < range.end.line || (line === range.end.line && character <= range.end.character);
    return afterStart && beforeEnd;
}

function size(range: PromptClause['range']): number {
    return (range.end.line - range.start.line) * 10_000 + (range.end.character - range.start.character);
}
