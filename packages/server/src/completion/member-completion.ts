import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { CompletionItem, Range } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { SpecTypes } from '@allium/language';
import { isStructured, type Denoted, type Field } from '@allium/language';

/** Longer than any member chain or comparison written by hand. */
const LINE_PREFIX_LIMIT = 1_000;
// `order.customer.` or `order.customer.em`: a chain of names, a dot, and perhaps the start of a member.
const MEMBER = /([A-Za-z_][\w/]*(?:\??\.[A-Za-z_]\w*)*)\??\.(\w*)$/;
// `order.status = ` / `!= pa` / `becomes ` / `transitions_to ` / `in { pending, `: a field compared with its values.
const COMPARISON = /([A-Za-z_][\w/]*(?:\??\.[A-Za-z_]\w*)+)\s*(?:=|!=|becomes|transitions_to|in|not in)\s*\{?\s*(?:\w+\s*[,|]\s*)*(\w*)$/;
// `Order.created(customer: c, status: ` : a named argument of an entity's creation.
const CREATION_ARG = /([A-Za-z_][\w/]*)\.created\((?:[^()]*,)?\s*(\w+)\s*:\s*(\w*)$/;

/** Fields after a `.`: those of the receiver's type when it can be told, otherwise every field the file declares. */
export function memberCompletion(document: LangiumDocument, offset: number, types: SpecTypes): CompletionItem[] | undefined {
    const text = document.textDocument.getText();
    const line = linePrefix(text, offset);
    const match = MEMBER.exec(line);
    if (!match || /^\d/.test(match[1])) {
        return undefined;
    }
    const range = replaceRange(document, offset, match[2].length);
    const receiver = denoteChain(document, offset - match[0].length, match[1], types);
    if (receiver?.kind === 'config') {
        return types.configParameters(receiver.module).map(p => fieldItem(p, range, 'config'));
    }
    if (receiver) {
        const fields = types.fieldsOf(receiver.type).map(f => fieldItem(f, range, receiver.type.name));
        const created: CompletionItem = { label: 'created', kind: CompletionItemKind.Event, detail: `${receiver.type.name}.created`, textEdit: { range, newText: 'created' } };
        return receiver.kind === 'type' && !ast.isEnumDecl(receiver.type) ? [created, ...fields] : fields;
    }
    const module = document.parseResult.value as ast.Module;
    const seen = new Set<string>();
    return module.declarations.filter(isStructured).flatMap(type => types.fieldsOf(type).filter(f => !seen.has(f.name) && seen.add(f.name))
        .map(f => fieldItem(f, range, type.name)));
}

/** The values a field can take, where one is expected: after a comparison with the field, or in its `.created(...)` argument. */
export function literalCompletion(document: LangiumDocument, offset: number, types: SpecTypes): CompletionItem[] {
    const line = linePrefix(document.textDocument.getText(), offset);
    const comparison = COMPARISON.exec(line);
    const creation = comparison ? undefined : CREATION_ARG.exec(line);
    let field: Field | undefined;
    let partial = '';
    if (comparison) {
        const path = comparison[1].split(/\??\./);
        const owner = denoteChain(document, offset - comparison[0].length, path.slice(0, -1).join('.'), types);
        field = owner && owner.kind !== 'config' ? types.field(owner.type, path[path.length - 1]) : undefined;
        partial = comparison[2];
    } else if (creation) {
        const entity = types.findType(creation[1], contextNode(document, offset));
        field = entity && types.field(entity, creation[2]);
        partial = creation[3];
    } else {
        field = transitionsField(document, offset, types);
        partial = /\w*$/.exec(line)![0];
    }
    const range = replaceRange(document, offset, partial.length);
    // In the order the field declares them, which is usually the order of the lifecycle.
    return field ? types.literalsOf(field).map((literal, i) => ({
        label: literal, kind: CompletionItemKind.EnumMember, detail: `${ownerName(field!)}.${field!.name}`, sortText: `0${String(i).padStart(4, '0')}`,
        textEdit: { range, newText: literal }
    })) : [];
}

/** Inside `transitions status { ... }` the states are the status field's values. */
function transitionsField(document: LangiumDocument, offset: number, types: SpecTypes): Field | undefined {
    const block = AstUtils.getContainerOfType(contextNode(document, offset), ast.isTransitionsBlock);
    const entity = block && AstUtils.getContainerOfType(block, isStructured);
    return block && entity && block.$cstNode && offset < block.$cstNode.end ? types.field(entity, block.field) : undefined;
}

/** What `root.a.b` denotes at `start`, the offset where the chain is written. */
function denoteChain(document: LangiumDocument, start: number, chain: string, types: SpecTypes): Denoted | undefined {
    const [root, ...members] = chain.split(/\??\./);
    const node = contextNode(document, start);
    const target = ast.isNameRef(node) && node.ref.$refText === root ? node.ref.ref : undefined;
    let denoted = types.denoteName(root, node, target);
    for (const member of members) {
        denoted = denoted && types.denoteMember(denoted, member, node);
    }
    return denoted;
}

function contextNode(document: LangiumDocument, offset: number): AstNode {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && (CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset));
    return leaf?.astNode ?? document.parseResult.value;
}

function fieldItem(field: Field, range: Range, owner: string): CompletionItem {
    const declared = (field.$cstNode?.text ?? field.name).split(/\r?\n/)[0].trim();
    return { label: field.name, kind: CompletionItemKind.Field, detail: `${owner}: ${declared}`, sortText: '0' + field.name, textEdit: { range, newText: field.name } };
}

function ownerName(field: Field): string {
    const owner = field.$container;
    return owner && 'name' in owner && typeof owner.name === 'string' ? owner.name : 'config';
}

/**
 * The line before the cursor, or at most its last {@link LINE_PREFIX_LIMIT} characters: the patterns above try every
 * start position in it, so a line holding a 100,000-character identifier kept a completion busy for seconds.
 */
function linePrefix(text: string, offset: number): string {
    return text.slice(Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - LINE_PREFIX_LIMIT), offset);
}

function replaceRange(document: LangiumDocument, offset: number, length: number): Range {
    return { start: document.textDocument.positionAt(offset - length), end: document.textDocument.positionAt(offset) };
}
