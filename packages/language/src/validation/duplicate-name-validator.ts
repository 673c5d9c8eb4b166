import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { fieldsOf } from '../ast/ast-views.js';

/** Names that must be unique where they are declared: enum literals, config keys, `given` bindings, fields, defaults. */
export function checkDuplicateNames(module: ast.Module, accept: ValidationAcceptor): void {
    for (const declaration of module.declarations) {
        if (ast.isEnumDecl(declaration)) {
            repeated(declaration.literals, literal => literal.name).forEach(literal =>
                accept('error', `'${literal.name}' appears twice in enum '${declaration.name}'. Remove the repeat.`,
                    { node: literal, property: 'name', code: IssueCodes.EnumDuplicateLiteral }));
        } else if (ast.isConfigDecl(declaration)) {
            repeated(declaration.items.filter(isNamedItem), item => item.name).forEach(item =>
                accept('error', `This config block declares '${item.name}' twice. Keep one.`,
                    { node: item, property: 'name', code: IssueCodes.ConfigDuplicateKey }));
        } else if (ast.isGivenDecl(declaration)) {
            repeated(declaration.items.filter(isNamedItem), item => item.name).forEach(item =>
                accept('error', `'given' binds '${item.name}' more than once. Rename or remove one binding.`,
                    { node: item, property: 'name', code: IssueCodes.ContextDuplicateBinding }));
        } else if (ast.isEntityDecl(declaration) || ast.isValueDecl(declaration) || ast.isVariantDecl(declaration)) {
            repeated(fieldsOf(declaration.items), field => field.name).forEach(field =>
                accept('error', `'${declaration.name}' declares the field '${field.name}' twice, so which one holds is unclear. Keep one, or rename it.`,
                    { node: field, property: 'name', code: IssueCodes.FieldDuplicate }));
        }
    }
    repeated(module.declarations.filter(ast.isDefaultDecl), d => d.name).forEach(d =>
        accept('error', `Two defaults are named '${d.name}'. Rename or remove one.`,
            { node: d, property: 'name', code: IssueCodes.DefaultDuplicateName }));
}

function isNamedItem(item: ast.BlockItem): item is ast.Assignment | ast.ParamAssignment {
    return ast.isAssignment(item) || ast.isParamAssignment(item);
}

/** The second and later nodes with a name already seen. */
function repeated<T extends AstNode>(nodes: readonly T[], name: (node: T) => string): T[] {
    const seen = new Set<string>();
    return nodes.filter(node => {
        const key = name(node);
        const again = seen.has(key);
        seen.add(key);
        return again;
    });
}
