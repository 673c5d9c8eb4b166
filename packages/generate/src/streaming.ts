// The parts of the pipeline that need no spec AST, for the VS Code client (which must not bundle the parser).
export * from './clause-ids.js';
export * from './file-languages.js';
export * from './anthropic-stream.js';
export { CONTINUE_INSTRUCTION } from './continued-answer.js';
export * from './marker-parser.js';
export * from './models.js';
export * from './cost.js';
export * from './prompt-size.js';
export * from './retry-policy.js';
export * from './stream-status.js';
export * from './run-prompt.js';
