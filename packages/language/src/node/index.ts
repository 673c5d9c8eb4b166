// What needs Node's file system: the CLI and the language server import it; the language core (`@allium/language`)
// reads files only through Langium's FileSystemProvider, so it also runs without Node.
export * from './guarded-file-system.js';
