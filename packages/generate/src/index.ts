export * from './streaming.js';
export * from './spec-clauses.js';
export * from './spec-set.js';
export * from './closure.js';
export * from './prompt.js';
export * from './generation.js';
export * from './obligations/index.js';
export * from './spec-links.js';
