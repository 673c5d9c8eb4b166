/** The candidate nearest a misspelt name, if one is within two edits of it. */
export function closest(name: string, candidates: string[]): string | undefined {
    const scored = candidates.map(c => ({ c, d: distance(name, c) })).filter(x => x.d <= 2).sort((a, b) => a.d - b.d);
    return scored[0]?.c;
}

function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
