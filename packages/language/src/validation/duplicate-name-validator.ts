import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';

/** Names that must be unique where they are declared: enum literals, config keys, `given` bindings, defaults. */
export function checkDuplicateNames(module: ast.Module, accept: ValidationAcceptor): void {
    for (const declaration of module.declarations) {
        if (ast.isEnumDecl(declaration)) {
            repeated(declaration.literals, literal => literal.name).forEach(literal =>
                accept('error', `Enum '${declaration.name}' lists '${literal.name}' more than once. Remove the repeat.`,
                    { node: literal, property: 'name', code: 'allium.enum.duplicateLiteral' }));
        } else if (ast.isConfigDecl(declaration)) {
            repeated(declaration.items.filter(isNamedItem), item => item.name).forEach(item =>
                accept('error', `Config parameter '${item.name}' is declared more than once in this block. Keep one declaration.`,
                    { node: item, property: 'name', code: 'allium.config.duplicateKey' }));
        } else if (ast.isGivenDecl(declaration)) {
            repeated(declaration.items.filter(isNamedItem), item => item.name).forEach(item =>
                accept('error', `'given' binds '${item.name}' more than once. Rename or remove one binding.`,
                    { node: item, property: 'name', code: 'allium.context.duplicateBinding' }));
        }
    }
    repeated(module.declarations.filter(ast.isDefaultDecl), d => d.name).forEach(d =>
        accept('error', `Default instance '${d.name}' is declared more than once. Rename or remove one of them.`,
            { node: d, property: 'name', code: 'allium.default.duplicateName' }));
}

function isNamedItem(item: ast.BlockItem): item is ast.Assignment | ast.ParamAssignment {
    return ast.isAssignment(item) || ast.isParamAssignment(item);
}

/** The second and later nodes with a name already seen. */
function repeated<T extends AstNode>(nodes: T[], name: (node: T) => string): T[] {
    const seen = new Set<string>();
    return nodes.filter(node => {
        const key = name(node);
        const again = seen.has(key);
        seen.add(key);
        return again;
    });
}
