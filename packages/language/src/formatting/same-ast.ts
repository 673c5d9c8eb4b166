import { isAstNode, isReference, type AstNode, type LangiumCoreServices, type LangiumDocument } from 'langium';

/**
 * Whether `text` parses to the same syntax tree as the document: the same nodes with the same properties and
 * the same reference texts, and as many syntax errors. Positions are not compared; they are what formatting moves.
 */
export function parsesToSameAst(services: LangiumCoreServices, document: LangiumDocument, text: string): boolean {
    const reparsed = services.parser.LangiumParser.parse(text);
    const original = document.parseResult;
    return reparsed.parserErrors.length === original.parserErrors.length
        && reparsed.lexerErrors.length === original.lexerErrors.length
        && JSON.stringify(shape(reparsed.value)) === JSON.stringify(shape(original.value));
}

function shape(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(shape);
    }
    if (isReference(value)) {
        return { ref: value.$refText };
    }
    if (isAstNode(value)) {
        const node = value as AstNode & Record<string, unknown>;
        const properties = Object.keys(node).filter(k => !k.startsWith('$')).sort().map(k => [k, shape(node[k])]);
        return { type: node.$type, properties };
    }
    return value;
}
