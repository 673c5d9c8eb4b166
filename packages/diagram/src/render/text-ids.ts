import type { DiagramGroup } from '../diagram-model.js';

/** Short identifiers for a text format that takes only letters, digits and `_`: `n0`, `n1`, ... per node id. */
export function shortIds(groups: readonly DiagramGroup[]): Map<string, string> {
    const ids = new Map<string, string>();
    for (const group of groups) {
        for (const node of group.nodes) {
            if (!ids.has(node.id)) {
                ids.set(node.id, `n${ids.size}`);
            }
        }
    }
    return ids;
}

export function edgeText(labels: ReadonlyArray<{ text: string }>): string {
    return labels.map(l => l.text).join(', ');
}
