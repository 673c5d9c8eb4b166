export * from './clause-ids.js';
export * from './spec-clauses.js';
export * from './prompt.js';
export * from './streaming.js';
export * from './generation.js';
