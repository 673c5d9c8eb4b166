import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { identName } from '../ast/ast-views.js';
import { declarationOf, forEachNode, nodesOfType } from '../ast-nodes.js';

/** `config.x` must name a parameter some config block of the file declares. */
export function checkConfigReferences(module: ast.Module, accept: ValidationAcceptor): void {
    const params = new Set(module.declarations.filter(ast.isConfigDecl).flatMap(c => c.items.filter(ast.isAssignment).map(a => a.name)));
    // The module's member accesses in document order: those of the checked declarations, in the order a walk of them meets.
    for (const node of nodesOfType<ast.MemberAccess>(module, ast.MemberAccess.$type)) {
        // Entity-level invariant bodies are not checked, as in the reference checker.
        if (identName(node.receiver) === 'config' && !params.has(node.member.$refText) && isChecked(declarationOf(node))
            && !AstUtils.getContainerOfType(node, ast.isEntityInvariant)) {
            accept('warning', `No config block of this file declares '${node.member.$refText}', so 'config.${node.member.$refText}' has no value. Add it to config { ... }, or fix the name.`,
                { node, property: 'member', code: IssueCodes.ConfigUndefinedReference });
        }
    }
}

function isChecked(declaration: AstNode | undefined): boolean {
    return declaration !== undefined && !ast.isConfigDecl(declaration) && !ast.isDefaultDecl(declaration) && !ast.isVariantDecl(declaration) && !ast.isDeferredDecl(declaration);
}

/** A rule binds each `let` name once, whatever block it is in. */
export function checkDuplicateLets(rule: ast.RuleDecl, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    forEachNode(rule, node => {
        if (isLet(node)) {
            if (seen.has(node.name)) {
                accept('error', `'${node.name}' is bound by let twice in this rule. Give one of them another name.`,
                    { node, property: 'name', code: IssueCodes.LetDuplicateBinding });
            }
            seen.add(node.name);
        }
    });
}

function isLet(node: AstNode): node is ast.LetItem | ast.LetExpr {
    return ast.isLetItem(node) || ast.isLetExpr(node);
}
