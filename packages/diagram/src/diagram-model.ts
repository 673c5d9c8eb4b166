import type { Module } from '@allium/language';
import type { DiagramKind, DiagramTarget } from '@allium/generate/streaming';

/*
 * A diagram before layout: what is drawn and where each part is declared, the same for every renderer (SVG, Mermaid,
 * D2). Built from the language services by state-machines.ts and event-flow.ts. Its kind and targets are part of the
 * `allium/diagram` request, declared with the other requests in @allium/generate's protocol module.
 */
export type { DiagramKind, DiagramTarget };

export type NodeKind = 'state' | 'initial' | 'surface' | 'trigger' | 'rule' | 'condition';

export interface DiagramNode {
    /** Unique in its diagram; stable across edits that do not rename it (the webview keys clicks by it). */
    id: string;
    label: string;
    kind: NodeKind;
    /** A state declared `terminal:`. */
    terminal?: boolean;
    /** A second line: the module of a trigger or rule in a set of several. */
    detail?: string;
    target?: DiagramTarget;
}

export type EdgeKind = 'transition' | 'undeclared' | 'creation' | 'provides' | 'triggers' | 'emits';

/** One label line of an edge: the rule that takes a transition, with the clause where it does. */
export interface EdgeLabel {
    text: string;
    target?: DiagramTarget;
}

export interface DiagramEdge {
    id: string;
    from: string;
    to: string;
    /** `undeclared`: a rule moves the field along an edge its `transitions` graph does not declare. */
    kind: EdgeKind;
    labels: EdgeLabel[];
    target?: DiagramTarget;
}

/** One picture: an entity's `transitions` graph, or the event flow of a spec set. */
export interface DiagramGroup {
    id: string;
    title: string;
    target?: DiagramTarget;
    nodes: DiagramNode[];
    edges: DiagramEdge[];
}

export interface Diagram {
    kind: DiagramKind;
    groups: DiagramGroup[];
}

/** A module of the spec set a diagram is drawn from: `SpecModule` of @allium/generate has this shape. */
export interface DiagramModule {
    uri: string;
    /** The name its ids are qualified with: the file name, with folders where two files share one. */
    name: string;
    module: Module;
    /** Chosen by the user (a file or folder), as opposed to only imported. */
    inSet: boolean;
}
