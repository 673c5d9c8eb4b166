import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { localName } from '../ast/names.js';
import { startsUppercase } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';

/**
 * Each parameter of a module's own `config` block declares its type: `max: Integer = 5`, or `max: Integer` for
 * one the importing modules must supply. A qualified `alias/config { ... }` block only sets values, so it is left alone.
 */
export function checkConfigParameters(config: ast.ConfigDecl, accept: ValidationAcceptor): void {
    if (config.qualifiedName) {
        return;
    }
    for (const parameter of config.items.filter(ast.isAssignment)) {
        if (!isTypeExpression(typePart(parameter.value))) {
            accept('error', `Config parameter '${parameter.name}' has no type. Write its type after the colon: '${parameter.name}: Type = default', or '${parameter.name}: Type' when importing modules must supply the value.`,
                { node: parameter, property: 'name', code: IssueCodes.ConfigInvalidParameter });
        }
    }
}

/** `Integer` in `max: Integer = 5`; the whole value when there is no default. */
function typePart(value: ast.ClauseValue | undefined): AstNode | undefined {
    return ast.isBinaryExpr(value) && value.operator === '=' ? value.left : value;
}

/** `Integer`, `alias/Money`, `List<String>`, `Duration?`, or an inline enum `fast | slow`. */
function isTypeExpression(node: AstNode | undefined): boolean {
    if (ast.isNameRef(node)) {
        return startsUppercase(localName(node.ref.$refText));
    }
    if (ast.isGenericType(node)) {
        return isTypeExpression(node.base);
    }
    if (ast.isOptionalType(node)) {
        return isTypeExpression(node.inner);
    }
    return pipeRefs(node).length > 1;
}
