export * from './diagram-model.js';
export { buildDiagram, renderDiagram } from './diagram.js';
export { stateMachines } from './state-machines.js';
export { eventFlow } from './event-flow.js';
export { renderSvg, DIAGRAM_STYLE, type RenderedSvg, type SvgOptions } from './render/svg.js';
export { renderMermaid } from './render/mermaid.js';
export { renderD2 } from './render/d2.js';
