import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import * as ast from '@allium/language';

type GuidedConstruct = ast.RuleDecl | ast.ContractDecl | ast.SurfaceDecl;
type Declaration = ast.EntityDecl | ast.ValueDecl | ast.EnumDecl | ast.VariantDecl | ast.ActorDecl | ast.InvariantDecl
    | ast.DefaultDecl | ast.DeferredDecl | ast.Assignment | ast.ParamAssignment | GuidedConstruct;

/**
 * Hover puts implementation guidance first: anywhere in a rule, contract or surface it shows the construct's
 * signature and its `@guidance` prose as Markdown. On other declarations and on names that resolve to them it shows
 * the declaration, its leading comment and the rules that use it; on an open question, that it is unresolved.
 */
export class AlliumHoverProvider implements HoverProvider {
    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf) {
            return undefined;
        }
        const markdown = this.describe(leaf.astNode, document);
        return markdown ? { contents: { kind: 'markdown', value: markdown } } : undefined;
    }

    private describe(node: AstNode, document: LangiumDocument): string | undefined {
        const question = AstUtils.getContainerOfType(node, ast.isOpenQuestion);
        if (question) {
            return `**Open question (unresolved)**\n\n${question.text}\n\nThe spec leaves this decision open: an implementation must not decide it silently.`;
        }
        const target = referencedDeclaration(node);
        if (target) {
            return this.describeDeclaration(target, AstUtils.getDocument(target));
        }
        const guided = AstUtils.getContainerOfType(node, isGuided);
        if (guided) {
            return this.describeDeclaration(guided, document);
        }
        const declaration = AstUtils.getContainerOfType(node, isDeclaration);
        return declaration && this.describeDeclaration(declaration, document);
    }

    private describeDeclaration(declaration: Declaration, document: LangiumDocument): string {
        const parts = ['```allium\n' + signature(declaration) + '\n```'];
        const comment = leadingComment(declaration, document);
        if (comment) {
            parts.push(comment);
        }
        if (isGuided(declaration)) {
            const guidance = declaration.items.filter(ast.isAnnotation).filter(a => a.kind === 'guidance');
            for (const annotation of guidance) {
                parts.push('**Implementation guidance**\n\n' + prose(annotation));
            }
            for (const annotation of declaration.items.filter(ast.isAnnotation).filter(a => a.kind !== 'guidance')) {
                parts.push(`**@${annotation.kind} ${annotation.name ?? ''}**\n\n` + prose(annotation));
            }
        }
        const { changedBy, usedBy } = usingRules(declaration, document);
        if (changedBy.length > 0) {
            parts.push('Changed by ' + changedBy.map(u => `\`${u}\``).join(', '));
        }
        if (usedBy.length > 0) {
            parts.push((changedBy.length > 0 ? 'Also read by ' : 'Used by ') + usedBy.map(u => `\`${u}\``).join(', '));
        }
        return parts.join('\n\n---\n\n');
    }
}

function isGuided(node: AstNode): node is GuidedConstruct {
    return ast.isRuleDecl(node) || ast.isContractDecl(node) || ast.isSurfaceDecl(node);
}

function isDeclaration(node: AstNode): node is Declaration {
    return isGuided(node) || ast.isEntityDecl(node) || ast.isValueDecl(node) || ast.isEnumDecl(node) || ast.isVariantDecl(node)
        || ast.isActorDecl(node) || ast.isInvariantDecl(node) || ast.isDefaultDecl(node) || ast.isDeferredDecl(node)
        || ((ast.isAssignment(node) || ast.isParamAssignment(node)) && !isGuided(node.$container));
}

function referencedDeclaration(node: AstNode): Declaration | undefined {
    const target = ast.isNameRef(node) ? node.ref.ref : ast.isMemberAccess(node) ? node.member.ref : undefined;
    return target && isDeclaration(target) ? target : undefined;
}

/** The construct's header: `rule Name` with its trigger, or the first line of a declaration, or a whole small one. */
function signature(declaration: Declaration): string {
    const text = declaration.$cstNode?.text ?? '';
    if (ast.isRuleDecl(declaration)) {
        const trigger = declaration.items.find(ast.isTriggerClause);
        return `rule ${declaration.name}` + (trigger?.$cstNode ? `\n    ${trigger.$cstNode.text.trim()}` : '');
    }
    if (isGuided(declaration)) {
        const keyword = ast.isContractDecl(declaration) ? 'contract' : 'surface';
        const header = declaration.items.filter(i => !ast.isAnnotation(i)).map(i => '    ' + firstLine(i.$cstNode?.text ?? ''));
        return `${keyword} ${declaration.name}` + (header.length ? '\n' + header.slice(0, 8).join('\n') : '');
    }
    const lines = text.split(/\r?\n/);
    return lines.length <= 15 ? text : lines.slice(0, 14).join('\n') + '\n    ...';
}

function firstLine(text: string): string {
    return text.split(/\r?\n/)[0].trim();
}

function prose(annotation: ast.Annotation): string {
    return annotation.prose.map(line => line.replace(/^--\s?/, '')).join('\n');
}

/** `--` comment lines directly above the declaration, without section dividers. */
function leadingComment(node: AstNode, document: LangiumDocument): string | undefined {
    const start = node.$cstNode?.range.start.line;
    if (start === undefined) {
        return undefined;
    }
    const lines = document.textDocument.getText().split(/\r?\n/);
    const comment: string[] = [];
    for (let i = start - 1; i >= 0; i--) {
        const line = lines[i].trim();
        if (!line.startsWith('--') || /^--\s*-{3,}/.test(line) || /^--\s*allium:/.test(line)) {
            break;
        }
        comment.unshift(line.replace(/^--\s?/, ''));
    }
    return comment.length > 0 ? comment.join('\n') : undefined;
}

/**
 * Rules of the document that name the declaration; for a field, those whose ensures assign it (`x.status = ...`)
 * are told apart from those that only read it.
 */
function usingRules(declaration: Declaration, document: LangiumDocument): { changedBy: string[]; usedBy: string[] } {
    const name = 'name' in declaration && typeof declaration.name === 'string' ? declaration.name : undefined;
    const changedBy: string[] = [];
    const usedBy: string[] = [];
    if (!name || ast.isRuleDecl(declaration)) {
        return { changedBy, usedBy };
    }
    const isField = ast.isAssignment(declaration) || ast.isParamAssignment(declaration);
    const module = document.parseResult.value as ast.Module;
    for (const rule of module.declarations.filter(ast.isRuleDecl)) {
        const nodes = AstUtils.streamAst(rule).toArray();
        const assigns = isField && nodes.some(n => ast.isBinaryExpr(n) && n.op === '=' && ast.isMemberAccess(n.left) && n.left.member.$refText === name
            && AstUtils.getContainerOfType(n, (c): c is ast.Assignment => ast.isAssignment(c) && c.name === 'ensures') !== undefined);
        if (assigns) {
            changedBy.push(rule.name);
        } else if (nodes.some(n => (ast.isNameRef(n) && n.ref.$refText === name) || (ast.isMemberAccess(n) && n.member.$refText === name))) {
            usedBy.push(rule.name);
        }
    }
    return { changedBy: changedBy.slice(0, 12), usedBy: usedBy.slice(0, 12) };
}
