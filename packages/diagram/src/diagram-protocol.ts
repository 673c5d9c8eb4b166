import type { DiagramKind, DiagramTarget } from './diagram-model.js';

/** The custom request the editor shows diagrams through (docs/lsp-extensions.md); no spec AST, so the client can import it. */
export const DIAGRAM_REQUEST = 'allium/diagram';

export type DiagramFormat = 'svg' | 'mermaid' | 'd2';

export interface DiagramParams {
    /** The spec files drawn; the files they import come along (their rules take transitions, their triggers flow). */
    uris: string[];
    kind: DiagramKind;
    /** `svg` unless given. */
    format?: DiagramFormat;
    /** An SVG with its stylesheet embedded, to save as a file; without it the webview styles it in the editor's theme. */
    standalone?: boolean;
}

export interface DiagramResult {
    kind: DiagramKind;
    format: DiagramFormat;
    /** The SVG, Mermaid or D2 text. */
    text: string;
    /** For SVG: what the element with `data-target="i"` opens. */
    targets: DiagramTarget[];
    /** How many pictures (entities with transitions; 1 for the flow), nodes and edges were drawn. */
    groups: number;
    nodes: number;
    edges: number;
}

export type { DiagramKind, DiagramTarget } from './diagram-model.js';
