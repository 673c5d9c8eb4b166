import type { DiagramKind } from '@allium/generate/streaming';

/** Messages between the extension and the diagram webview. The SVG comes from the server; targets stay in the extension. */
export type ToDiagramWebview =
    | { type: 'diagram'; kind: DiagramKind; svg: string; summary: string }
    | { type: 'error'; message: string };

export type FromDiagramWebview =
    | { type: 'ready' }
    /** A click on an element with `data-target="index"`. */
    | { type: 'open'; target: number }
    | { type: 'kind'; kind: DiagramKind }
    | { type: 'export' };
