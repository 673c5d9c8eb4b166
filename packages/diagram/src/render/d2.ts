import type { Diagram, DiagramNode } from '../diagram-model.js';
import { edgeText, shortIds } from './text-ids.js';

/** D2 text: each state machine a container, the event flow one graph with a shape per kind of node. */
export function renderD2(diagram: Diagram): string {
    const ids = shortIds(diagram.groups);
    const id = (node: string) => ids.get(node)!;
    const lines: string[] = ['direction: right'];
    diagram.groups.forEach((group, g) => {
        const inner = diagram.kind === 'states';
        const indent = inner ? '  ' : '';
        if (inner) {
            lines.push(`g${g}: ${quote(group.title)} {`);
        }
        for (const node of group.nodes) {
            lines.push(`${indent}${id(node.id)}: ${quote(node.detail ? `${node.label}\n${node.detail}` : node.label)} {${style(node)}}`);
        }
        for (const edge of group.edges) {
            const label = edgeText(edge.labels);
            const dashed = edge.kind === 'undeclared' ? ' {style.stroke-dash: 3; style.stroke: red}' : edge.kind === 'emits' ? ' {style.stroke-dash: 3}' : '';
            lines.push(`${indent}${id(edge.from)} -> ${id(edge.to)}${label ? `: ${quote(label)}` : ''}${dashed}`);
        }
        if (inner) {
            lines.push('}');
        }
    });
    return lines.join('\n') + '\n';
}

function style(node: DiagramNode): string {
    switch (node.kind) {
        case 'initial': return 'shape: circle; width: 14; style.fill: black';
        case 'state': return node.terminal ? 'shape: oval; style.double-border: true' : 'shape: oval';
        case 'surface': return 'shape: hexagon';
        case 'trigger': return 'shape: oval; style.fill: "#fff8c5"';
        case 'condition': return 'shape: parallelogram';
        default: return 'shape: rectangle';
    }
}

/** A D2 double-quoted string: backslash escapes for quotes, backslashes and line breaks. */
function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
