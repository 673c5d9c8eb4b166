export * from './generated/ast.js';
export * from './generated/module.js';
export * from './allium-module.js';
export * from './allium-lexer.js';
export * from './document-validator.js';
export * from './parse.js';
export * from './validation/register.js';
