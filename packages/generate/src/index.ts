export * from './clause-ids.js';
export * from './prompt.js';
export * from './marker-parser.js';
export * from './anthropic-stream.js';
export * from './generation.js';
