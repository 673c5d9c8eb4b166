// The parts of the pipeline that need no spec AST, for the VS Code client (which must not bundle the parser).
export * from './clause-ids.js';
export * from './fingerprint.js';
export * from './file-languages.js';
export * from './target-languages.js';
export * from './generation-prompt.js';
export * from './anthropic-stream.js';
export * from './marker-parser.js';
export * from './run-generation.js';
export * from './generation-protocol.js';
export * from './trace/code-markers.js';
export * from './trace/trace-record.js';
export * from './trace/trace-status.js';
