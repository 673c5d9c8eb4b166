export * from './clause-ids.js';
export * from './spec-clauses.js';
export * from './prompt.js';
export * from './file-languages.js';
export * from './marker-parser.js';
export * from './anthropic-stream.js';
export * from './generation.js';
export * from './obligations/index.js';
