import dagre, { type Graph } from '@dagrejs/dagre';
import type { Diagram, DiagramEdge, DiagramGroup, DiagramNode, DiagramTarget } from '../diagram-model.js';

/** An SVG drawing and the declarations its clickable parts open: `data-target="i"` is `targets[i]`. */
export interface RenderedSvg {
    svg: string;
    targets: DiagramTarget[];
    width: number;
    height: number;
}

export interface SvgOptions {
    /** Embed the stylesheet (a file on its own, the CLI, an export); without it the page that shows the SVG styles it. */
    standalone?: boolean;
}

// Text is measured without a DOM: an average glyph width of the 12px sans-serif the stylesheet sets.
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 15;
const NODE_HEIGHT = 30;
const GROUP_GAP = 36;
const TITLE_HEIGHT = 28;
const MARGIN = 16;

/** The stylesheet of a standalone diagram; the webview has its own, in the editor's theme colours (diagram.css). */
export const DIAGRAM_STYLE = `
.allium-diagram { font: 12px sans-serif; background: #fff; }
.allium-diagram text { fill: #1f2328; }
.allium-diagram .title { font-weight: bold; font-size: 13px; }
.allium-diagram .node rect, .allium-diagram .node polygon { fill: #f6f8fa; stroke: #57606a; stroke-width: 1.2; }
.allium-diagram .node.rule rect { fill: #ddf4ff; stroke: #0969da; }
.allium-diagram .node.trigger rect { fill: #fff8c5; stroke: #9a6700; }
.allium-diagram .node.surface polygon { fill: #dafbe1; stroke: #1a7f37; }
.allium-diagram .node.condition polygon { fill: #fbefff; stroke: #8250df; }
.allium-diagram .node.initial circle { fill: #1f2328; }
.allium-diagram .node .detail { fill: #57606a; font-size: 10px; }
.allium-diagram .edge path { fill: none; stroke: #57606a; stroke-width: 1.3; }
.allium-diagram .edge.undeclared path { stroke: #cf222e; stroke-dasharray: 5 3; }
.allium-diagram .edge.emits path { stroke-dasharray: 4 3; }
.allium-diagram .edge-label { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.allium-diagram .edge.undeclared .edge-label { fill: #cf222e; }
.allium-diagram marker path { fill: #57606a; }
/* Last: a wide transparent twin of each edge's line, so a thin line is easy to click. */
.allium-diagram .edge path.hit, .allium-diagram .edge:hover path.hit { stroke: transparent; stroke-width: 10; }
`;

interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

interface EdgePlace {
    points: Array<{ x: number; y: number }>;
    x: number;
    y: number;
}

/** Where dagre put a group's nodes and edges: all a drawing needs, kept apart from the graph to be cached. */
interface Layout {
    nodes: Map<string, Box>;
    edges: Map<string, EdgePlace>;
    width: number;
    height: number;
}

/**
 * Layouts by what decides them (nodes, edges, label sizes): a redraw after an edit lays out again only the
 * pictures the edit changed, so one entity's edit in a spec of fifty redraws at the cost of one.
 */
const layouts = new Map<string, Layout>();
const CACHED_LAYOUTS = 2000;

/** Lays each group out with dagre (left to right) and stacks the groups one under another. */
export function renderSvg(diagram: Diagram, options: SvgOptions = {}): RenderedSvg {
    const targets: DiagramTarget[] = [];
    const targetAttribute = (target: DiagramTarget | undefined) => target ? ` data-target="${targets.push(target) - 1}"` : '';
    const placed = diagram.groups.map(layout);
    const width = Math.max(200, ...placed.map(p => p.width)) + 2 * MARGIN;
    const parts: string[] = [];
    let y = MARGIN;
    for (const [i, { nodes, edges, height }] of placed.entries()) {
        const group = diagram.groups[i];
        parts.push(`<g class="group" data-group="${escapeXml(group.id)}" transform="translate(${MARGIN},${y})">`);
        parts.push(`<text class="title" x="0" y="16"${targetAttribute(group.target)}>${escapeXml(group.title)}</text>`);
        parts.push(`<g transform="translate(0,${TITLE_HEIGHT})">`);
        for (const edge of group.edges) {
            parts.push(edgeSvg(edge, edges.get(edge.id), targetAttribute));
        }
        for (const node of group.nodes) {
            parts.push(nodeSvg(node, nodes.get(node.id)!, targetAttribute));
        }
        if (group.nodes.length === 0) {
            parts.push(`<text class="empty" x="0" y="14">Nothing to draw.</text>`);
        }
        parts.push('</g></g>');
        y += height + TITLE_HEIGHT + GROUP_GAP;
    }
    const height = Math.max(y - GROUP_GAP + MARGIN, 60);
    if (diagram.groups.length === 0) {
        parts.push(`<text class="empty" x="${MARGIN}" y="${MARGIN + 14}">${diagram.kind === 'states' ? 'No entity here declares transitions.' : 'No rules or surfaces here.'}</text>`);
    }
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="allium-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
        + (options.standalone ? `<style>${DIAGRAM_STYLE}</style>` : '')
        + '<defs><marker id="allium-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>'
        + parts.join('') + '</svg>';
    return { svg, targets, width, height };
}

function layout(group: DiagramGroup): Layout {
    const key = JSON.stringify([group.nodes.map(n => [n.id, n.label, n.detail, n.kind]), group.edges.map(e => [e.id, e.from, e.to, e.labels.map(l => l.text)])]);
    const cached = layouts.get(key);
    if (cached) {
        return cached;
    }
    const graph: Graph = new dagre.graphlib.Graph({ multigraph: true });
    // longest-path ranks a lifecycle left to right as it is read, at a quarter of tight-tree's cost on many small graphs.
    graph.setGraph({ rankdir: 'LR', ranker: 'longest-path', nodesep: 24, edgesep: 12, ranksep: 56, marginx: 0, marginy: 0 });
    for (const node of group.nodes) {
        graph.setNode(node.id, sizeOf(node));
    }
    for (const edge of group.edges) {
        const text = Math.max(0, ...edge.labels.map(l => l.text.length));
        graph.setEdge(edge.from, edge.to, { width: text * CHAR_WIDTH * 0.95, height: edge.labels.length * LINE_HEIGHT, labelpos: 'c' }, edge.id);
    }
    dagre.layout(graph);
    const size = graph.graph();
    const placed: Layout = { nodes: new Map(), edges: new Map(), width: size.width ?? 0, height: size.height ?? 0 };
    for (const node of group.nodes) {
        const at = graph.node(node.id);
        placed.nodes.set(node.id, { x: at.x ?? 0, y: at.y ?? 0, width: at.width, height: at.height });
    }
    for (const edge of group.edges) {
        const at = graph.edge(edge.from, edge.to, edge.id);
        placed.edges.set(edge.id, { points: at?.points ?? [], x: at?.x ?? 0, y: at?.y ?? 0 });
    }
    if (layouts.size >= CACHED_LAYOUTS) {
        layouts.delete(layouts.keys().next().value!);
    }
    layouts.set(key, placed);
    return placed;
}

function sizeOf(node: DiagramNode): { width: number; height: number } {
    if (node.kind === 'initial') {
        return { width: 14, height: 14 };
    }
    const text = Math.max(node.label.length, node.detail?.length ?? 0);
    const slant = node.kind === 'surface' || node.kind === 'condition' ? 20 : 0;
    return { width: Math.max(56, text * CHAR_WIDTH + 24 + slant), height: node.detail ? NODE_HEIGHT + 12 : NODE_HEIGHT };
}

function nodeSvg(node: DiagramNode, at: Box, target: (t: DiagramTarget | undefined) => string): string {
    const { x, y } = at;
    const classes = ['node', node.kind, ...node.terminal ? ['terminal'] : []].join(' ');
    const open = `<g class="${classes}" data-node="${escapeXml(node.id)}"${target(node.target)} transform="translate(${x},${y})">`;
    if (node.kind === 'initial') {
        return `${open}<circle r="7"/></g>`;
    }
    const w = at.width / 2;
    const h = at.height / 2;
    let shape: string;
    if (node.kind === 'surface') {
        shape = `<polygon points="${-w + 10},${-h} ${w - 10},${-h} ${w},0 ${w - 10},${h} ${-w + 10},${h} ${-w},0"/>`;
    } else if (node.kind === 'condition') {
        shape = `<polygon points="${-w + 10},${-h} ${w},${-h} ${w - 10},${h} ${-w},${h}"/>`;
    } else {
        const radius = node.kind === 'rule' ? 3 : h;
        shape = `<rect x="${-w}" y="${-h}" width="${at.width}" height="${at.height}" rx="${radius}"/>`;
        if (node.terminal) {
            shape += `<rect x="${-w + 3}" y="${-h + 3}" width="${at.width - 6}" height="${at.height - 6}" rx="${radius - 3}"/>`;
        }
    }
    const label = node.detail
        ? `<text text-anchor="middle" y="-2">${escapeXml(node.label)}</text><text class="detail" text-anchor="middle" y="12">${escapeXml(node.detail)}</text>`
        : `<text text-anchor="middle" y="4">${escapeXml(node.label)}</text>`;
    return `${open}<title>${escapeXml(titleOf(node))}</title>${shape}${label}</g>`;
}

function edgeSvg(edge: DiagramEdge, at: EdgePlace | undefined, target: (t: DiagramTarget | undefined) => string): string {
    const points = at?.points ?? [];
    const path = points.length === 0 ? '' : `M${points.map(p => `${round(p.x)},${round(p.y)}`).join('L')}`;
    const labels = edge.labels.map((label, i) => {
        const dy = (i - (edge.labels.length - 1) / 2) * LINE_HEIGHT + 4;
        return `<tspan x="${round(at?.x ?? 0)}" y="${round((at?.y ?? 0) + dy)}"${target(label.target)}>${escapeXml(label.text)}</tspan>`;
    }).join('');
    return `<g class="edge ${edge.kind}" data-edge="${escapeXml(edge.id)}"${target(edge.target)}>`
        + `<title>${escapeXml(edge.kind === 'undeclared' ? 'Not declared in the transitions graph' : edge.kind)}</title>`
        + `<path d="${path}" marker-end="url(#allium-arrow)"/><path class="hit" d="${path}"/>`
        + (labels ? `<text class="edge-label" text-anchor="middle">${labels}</text>` : '')
        + '</g>';
}

function titleOf(node: DiagramNode): string {
    if (node.kind === 'state') {
        return node.terminal ? `${node.label} (terminal)` : node.label;
    }
    return `${node.kind} ${node.label}${node.detail ? ` (${node.detail})` : ''}`;
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}

export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
