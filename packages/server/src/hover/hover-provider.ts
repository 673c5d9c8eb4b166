import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { SpecTypes } from '@allium/language';
import { isField, isStructured, isTypeDecl, type Field } from '@allium/language';
import { annotationSections, code, comment, hasGuidance, isGuided, names, signature, type GuidedConstruct } from './describe.js';
import { clauseOf, Usages } from './usages.js';

interface Section {
    markdown: string;
    /** The construct described, so that the guidance of the construct around the cursor is not shown twice. */
    subject?: AstNode;
}

/**
 * Hover puts implementation guidance first: anywhere in a rule, contract or surface it shows the construct's
 * signature and its `@guidance` prose as Markdown. On a name it describes what the name stands for (a type, a
 * field, a trigger, a binding) with its comment and the constructs that use it; on an open question, that it is
 * unresolved.
 */
export class AlliumHoverProvider implements HoverProvider {
    private readonly types: SpecTypes;
    private readonly usages: Usages;

    constructor(services: AlliumLspServices) {
        this.types = services.typing.SpecTypes;
        this.usages = new Usages(services);
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.hidden) {
            return undefined;
        }
        const sections = this.sections(leaf.astNode, document, leaf.text);
        return sections.length > 0 ? { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } } : undefined;
    }

    private sections(node: AstNode, document: LangiumDocument, word: string): string[] {
        const question = AstUtils.getContainerOfType(node, ast.isOpenQuestion);
        if (question) {
            return [`**Open question (unresolved)**\n\n${(question.text ?? '').replace(/^"|"$/g, '')}\n\nThe spec leaves this decision open: an implementation must not decide it silently.`];
        }
        const guided = AstUtils.getContainerOfType(node, isGuided);
        const specific = this.specific(node, document, word);
        if (specific) {
            const withGuidance = guided && specific.subject !== guided && hasGuidance(guided);
            return withGuidance ? [specific.markdown, this.describeGuided(guided, document)] : [specific.markdown];
        }
        if (guided) {
            return [this.describeGuided(guided, document)];
        }
        const field = AstUtils.getContainerOfType(node, isField);
        if (field) {
            return [this.describeField(field)];
        }
        const declaration = topLevel(node);
        return declaration && !ast.isModule(declaration) ? [this.describeDeclaration(declaration, document)] : [];
    }

    /** What the hovered name stands for, when it is a name. */
    private specific(node: AstNode, document: LangiumDocument, word: string): Section | undefined {
        if (isBinding(node) && node.name === word) {
            return this.describeTarget(node);
        }
        if (ast.isContractEntry(node) && node.contract.ref) {
            return this.describeTarget(node.contract.ref);
        }
        if (ast.isNameRef(node) && ast.isCall(node.$container) && node.$container.callee === node && /^[A-Z]/.test(node.ref.$refText)
            && ['when', 'provides', 'ensures'].includes(clauseOf(node) ?? '')) {
            return this.describeTrigger(node.ref.$refText, document);
        }
        const target = ast.isNameRef(node) ? node.ref.ref : ast.isMemberAccess(node) ? node.member.ref : undefined;
        if (ast.isMemberAccess(node)) {
            // Linking resolves `order.status` to the field of whatever `order` is.
            return target && this.describeTarget(target);
        }
        if (ast.isNameRef(node)) {
            // A literal links to its declaration (an enum's, or the field's `a | b`), which is described as a value.
            return (target && this.describeTarget(target)) ?? this.describeLiteral(node);
        }
        if (ast.isStateName(node)) {
            const entity = AstUtils.getContainerOfType(node, isStructured);
            const block = AstUtils.getContainerOfType(node, ast.isTransitionsBlock);
            const field = entity && block && this.types.field(entity, block.field);
            return field && { markdown: `\`${node.name}\` is a value of \`${entity!.name}.${field.name}\`\n\n---\n\n` + this.describeField(field), subject: field };
        }
        return undefined;
    }

    private describeTarget(target: AstNode): Section | undefined {
        if (isField(target)) {
            return { markdown: this.describeField(target), subject: target };
        }
        if (isTypeDecl(target) || isGuided(target) || ast.isInvariantDecl(target) || ast.isDefaultDecl(target) || ast.isUseDecl(target)) {
            return { markdown: isGuided(target) ? this.describeGuided(target, AstUtils.getDocument(target)) : this.describeDeclaration(target, AstUtils.getDocument(target)), subject: target };
        }
        if (!isBinding(target) && !ast.isParameter(target) && !ast.isTypedParam(target) && !(ast.isNameRef(target) && ast.isCallArg(target.$container))) {
            return undefined;
        }
        const denoted = this.types.denoteName(nameOf(target) ?? '', target, target);
        const type = denoted && denoted.kind !== 'config' ? ` of type \`${denoted.type.name}\`` : '';
        const binder = AstUtils.getContainerOfType(target, n => ast.isTriggerClause(n) || ast.isForBlock(n) || ast.isForExpr(n)) ?? target;
        const line = binder.$cstNode ? '\n\n' + code(binder.$cstNode.text.split(/\r?\n/)[0].trim()) : '';
        return { markdown: `**Binding** \`${nameOf(target)}\`${type}${line}`, subject: target };
    }

    /** `pending` in `order.status = pending`: a value of the field it is compared with. */
    private describeLiteral(node: ast.NameRef): Section | undefined {
        const comparison = node.$container;
        if (!ast.isBinaryExpr(comparison) || !['=', '!=', 'becomes', 'transitions_to', 'in'].includes(comparison.operator)) {
            return undefined;
        }
        const other = comparison.left === node ? comparison.right : comparison.left;
        if (!ast.isMemberAccess(other)) {
            return undefined;
        }
        const receiver = this.types.denote(other.receiver);
        const field = receiver && receiver.kind !== 'config' ? this.types.field(receiver.type, other.member.$refText) : undefined;
        if (!field || !this.types.literalsOf(field).includes(node.ref.$refText)) {
            return undefined;
        }
        return { markdown: `\`${node.ref.$refText}\` is a value of \`${ownerName(field)}.${field.name}\`\n\n---\n\n` + this.describeField(field), subject: field };
    }

    private describeTrigger(name: string, document: LangiumDocument): Section {
        const { handledBy, providedBy, emittedBy } = this.usages.ofTrigger(name, document);
        const lines = [`**Trigger** \`${name}\``];
        if (handledBy.length > 0) {
            lines.push(`Handled by ${names(handledBy)}`);
        }
        if (providedBy.length > 0) {
            lines.push(`Offered by ${names(providedBy)}`);
        }
        if (emittedBy.length > 0) {
            lines.push(`Emitted by ${names(emittedBy)}`);
        }
        if (providedBy.length === 0 && emittedBy.length === 0) {
            lines.push('No surface offers it and no rule emits it here: it comes from outside the spec.');
        }
        return { markdown: lines.join('\n\n') };
    }

    private describeGuided(construct: GuidedConstruct, document: LangiumDocument): string {
        const parts = [code(signature(construct))];
        const text = comment(construct, document);
        if (text) {
            parts.push(text);
        }
        parts.push(...annotationSections(construct));
        return parts.join('\n\n---\n\n');
    }

    private describeField(field: Field): string {
        const owner = field.$container;
        const isConfig = ast.isConfigDecl(owner);
        const heading = isConfig ? `**Config parameter** \`${field.name}\`` : `**Field** \`${ownerName(field)}.${field.name}\``;
        const parts = [heading + '\n\n' + code(signature(field))];
        const text = comment(field, AstUtils.getDocument(field));
        if (text) {
            parts.push(text);
        }
        const { changedBy, readBy, unsure } = this.usages.ofField(field);
        const use: string[] = [];
        if (changedBy.length > 0) {
            use.push(`Changed by ${names(changedBy)}`);
        }
        if (readBy.length > 0) {
            use.push(`${changedBy.length > 0 ? 'Also read by' : 'Read by'} ${names(readBy)}`);
        }
        if (unsure > 0) {
            use.push(`${unsure} ${unsure === 1 ? 'other construct uses' : 'other constructs use'} \`.${field.name}\` on something whose type the spec does not say`);
        }
        if (use.length > 0) {
            parts.push(use.join('\n\n'));
        }
        return parts.join('\n\n---\n\n');
    }

    private describeDeclaration(declaration: AstNode, document: LangiumDocument): string {
        const parts = [code(signature(declaration))];
        const text = comment(declaration, document);
        if (text) {
            parts.push(text);
        }
        const users = isTypeDecl(declaration) || ast.isInvariantDecl(declaration) || ast.isDefaultDecl(declaration) || ast.isUseDecl(declaration)
            ? this.usages.ofDeclaration(declaration) : [];
        if (users.length > 0) {
            parts.push(`Used by ${names(users)}`);
        }
        return parts.join('\n\n---\n\n');
    }
}

function isBinding(node: AstNode): node is ast.TriggerBinding | ast.LoopVar | ast.LetItem | ast.LetExpr | ast.BindingClause {
    return ast.isTriggerBinding(node) || ast.isLoopVar(node) || ast.isLetItem(node) || ast.isLetExpr(node) || ast.isBindingClause(node);
}

function ownerName(field: Field): string {
    const owner = field.$container;
    return 'name' in owner && typeof owner.name === 'string' ? owner.name : 'config';
}

function nameOf(node: AstNode): string | undefined {
    return ast.isNameRef(node) ? node.ref.$refText : 'name' in node && typeof node.name === 'string' ? node.name : undefined;
}

function topLevel(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current?.$container && !ast.isModule(current.$container)) {
        current = current.$container;
    }
    return current;
}
