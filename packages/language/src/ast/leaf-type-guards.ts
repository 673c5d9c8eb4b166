import { reflection } from '../generated/ast.js';

/**
 * The generated type guards (`ast.isNameRef(node)`, ...) ask `reflection.isSubtype(node.$type, 'NameRef')`, which
 * looks the pair up in two dictionaries. Most of the grammar's types have no subtypes, and for those a node is of
 * the type exactly when its `$type` is the type's name, so the look-up is skipped: the checks and the linker ask
 * such guards of every node of a file.
 */
const leafTypes = new Set(reflection.getAllTypes().filter(type => reflection.getAllSubTypes(type).length === 1));
const isSubtype = reflection.isSubtype.bind(reflection);
reflection.isSubtype = (subtype, supertype) => subtype === supertype || (!leafTypes.has(supertype) && isSubtype(subtype, supertype));
