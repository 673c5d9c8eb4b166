import type * as ast from '@allium/language';
import type { Diagram, DiagramKind, DiagramModule } from './diagram-model.js';
import type { DiagramFormat, DiagramResult } from '@allium/generate/streaming';
import { eventFlow } from './event-flow.js';
import { renderD2 } from './render/d2.js';
import { renderMermaid } from './render/mermaid.js';
import { renderSvg } from './render/svg.js';
import { stateMachines } from './state-machines.js';

/** The diagram of one kind for linked modules of a spec set. */
export function buildDiagram(services: ast.AlliumServices, modules: readonly DiagramModule[], kind: DiagramKind): Diagram {
    return { kind, groups: kind === 'states' ? stateMachines(services, modules) : [eventFlow(services, modules)] };
}

/** A diagram in one format: what the server answers and the CLI prints. */
export function renderDiagram(diagram: Diagram, format: DiagramFormat, standalone = false): DiagramResult {
    const counts = {
        groups: diagram.groups.length,
        nodes: diagram.groups.reduce((n, g) => n + g.nodes.length, 0),
        edges: diagram.groups.reduce((n, g) => n + g.edges.length, 0)
    };
    if (format === 'svg') {
        const { svg, targets } = renderSvg(diagram, { standalone });
        return { kind: diagram.kind, format, text: svg, targets, ...counts };
    }
    return { kind: diagram.kind, format, text: format === 'mermaid' ? renderMermaid(diagram) : renderD2(diagram), targets: [], ...counts };
}
