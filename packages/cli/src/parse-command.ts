import { GrammarUtils, isAstNode, isReference, type AstNode, type LangiumDocument } from 'langium';
import { byteOffsets } from '@allium/generate';
import type { ReferenceDiagnostic } from './reference-diagnostics.js';
import { runSingleSpec } from './single-spec.js';

export const PARSE_USAGE = `Usage: allium parse <file.allium>

Prints the syntax tree of a spec as JSON: {"diagnostics":[...],"module":{"$type":"Module","span":{start,end},
"version":3,"declarations":[...]}}. Every node is an object with its "$type" (the grammar's name for it, such as
EntityDecl, RuleDecl or BinaryExpr), its "span" in UTF-8 bytes (as the reference's spans), its properties, and
for a named node the "nameSpan" of its name;
a name that refers to a declaration is {"ref":"Name"}. The tree is this tool's, not the reference's (its node types
differ); docs/parity.md says what the two share. Diagnostics are syntax errors and a missing or unsupported
\`-- allium: N\` marker.
Exit status: 0 no error, 1 an error diagnostic or an unreadable file, 2 bad arguments.`;

export function runParse(args: string[]): Promise<number> {
    return runSingleSpec(args, PARSE_USAGE, parseJson);
}

/** What `allium parse` prints for a document (before its keys are ordered). */
export function parseJson(document: LangiumDocument, diagnostics: ReferenceDiagnostic[], version: number | null): object {
    const toBytes = byteOffsets(document.textDocument.getText());
    return { diagnostics, module: { ...nodeJson(document.parseResult.value, toBytes), version } };
}

function nodeJson(node: AstNode, toBytes: (offset: number) => number): Record<string, unknown> {
    const out: Record<string, unknown> = {
        // "$type", as in Langium: a node may have a property named "type" (`default Role admin = ...`).
        $type: node.$type,
        span: { start: toBytes(node.$cstNode?.offset ?? 0), end: toBytes(node.$cstNode?.end ?? 0) }
    };
    for (const [key, value] of Object.entries(node)) {
        if (!key.startsWith('$')) {
            out[key] = valueJson(value, toBytes);
        }
    }
    // Where the name is written, as the reference gives it for a declaration's name: for rename and go-to tools.
    const name = typeof out.name === 'string' ? GrammarUtils.findNodeForProperty(node.$cstNode, 'name') : undefined;
    if (name) {
        out.nameSpan = { start: toBytes(name.offset), end: toBytes(name.end) };
    }
    return out;
}

function valueJson(value: unknown, toBytes: (offset: number) => number): unknown {
    if (Array.isArray(value)) {
        return value.map(v => valueJson(v, toBytes));
    }
    if (isReference(value)) {
        return { ref: value.$refText };
    }
    return isAstNode(value) ? nodeJson(value, toBytes) : value;
}
