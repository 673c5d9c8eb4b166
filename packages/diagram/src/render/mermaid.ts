import type { Diagram, DiagramNode } from '../diagram-model.js';
import { edgeText, shortIds } from './text-ids.js';

/**
 * Mermaid text: each state machine a composite state of one `stateDiagram-v2` (`[*]` for creation and for the
 * terminal states), the event flow a `flowchart LR` with a shape per kind of node.
 */
export function renderMermaid(diagram: Diagram): string {
    const ids = shortIds(diagram.groups);
    const id = (node: string) => ids.get(node)!;
    const lines: string[] = [];
    if (diagram.kind === 'states') {
        lines.push('stateDiagram-v2');
        diagram.groups.forEach((group, g) => {
            lines.push(`    state "${quote(group.title)}" as g${g} {`);
            for (const node of group.nodes.filter(n => n.kind === 'state')) {
                lines.push(`        state "${quote(node.label)}" as ${id(node.id)}`);
            }
            for (const edge of group.edges) {
                const from = edge.kind === 'creation' ? '[*]' : id(edge.from);
                const label = [edgeText(edge.labels), edge.kind === 'undeclared' ? '(not declared)' : ''].filter(t => t !== '').join(' ');
                lines.push(`        ${from} --> ${id(edge.to)}${label ? ` : ${label}` : ''}`);
            }
            for (const node of group.nodes.filter(n => n.terminal)) {
                lines.push(`        ${id(node.id)} --> [*]`);
            }
            lines.push('    }');
        });
        return lines.join('\n') + '\n';
    }
    lines.push('flowchart LR');
    for (const group of diagram.groups) {
        for (const node of group.nodes) {
            lines.push(`    ${id(node.id)}${shape(node)}`);
        }
        for (const edge of group.edges) {
            lines.push(`    ${id(edge.from)} ${edge.kind === 'emits' ? '-.->' : '-->'} ${id(edge.to)}`);
        }
    }
    lines.push('    classDef rule fill:#ddf4ff,stroke:#0969da', '    classDef trigger fill:#fff8c5,stroke:#9a6700', '    classDef surface fill:#dafbe1,stroke:#1a7f37', '    classDef condition fill:#fbefff,stroke:#8250df');
    for (const kind of ['rule', 'trigger', 'surface', 'condition']) {
        const members = diagram.groups.flatMap(g => g.nodes).filter(n => n.kind === kind).map(n => id(n.id));
        if (members.length > 0) {
            lines.push(`    class ${members.join(',')} ${kind}`);
        }
    }
    return lines.join('\n') + '\n';
}

function shape(node: DiagramNode): string {
    const text = `"${quote(node.detail ? `${node.label}<br/><small>${node.detail}</small>` : node.label)}"`;
    switch (node.kind) {
        case 'surface': return `[[${text}]]`;
        case 'trigger': return `([${text}])`;
        case 'condition': return `>${text}]`;
        default: return `[${text}]`;
    }
}

/** Mermaid labels in double quotes take entities for the characters that would end them. */
function quote(text: string): string {
    return text.replace(/"/g, '#quot;').replace(/\n/g, ' ');
}
