import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { isField, type Field, type Structured } from '../typing/spec-nodes.js';
import { blocks, clausesOf, identName, valueItems } from '../ast/ast-views.js';
import { importedModules } from './imported-modules.js';

/**
 * `ensures: order.status = shipd` sets an enum-valued field (an inline `a | b` or a named enum) to a bare name
 * that is none of its values. Linking resolves such a name to the field's literal, or else to a binding in scope
 * (trigger parameter, let, for variable, given, default); a name it leaves unresolved is neither. Only fields of this
 * file's types or of the files it imports count: elsewhere in the workspace, a type of the same name is a guess.
 */
export function statusValueCheck(services: AlliumServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const types = services.typing.SpecTypes;
        const visible = new Set<AstNode>([module, ...importedModules(services, module).map(i => i.module)]);
        const check = (assignment: ast.BinaryExpr): void => {
            const field = assignedField(assignment.left, visible);
            const name = unresolvedName(assignment.right);
            const literals = field && name ? types.literalsOf(field) : [];
            // Capitalised values are a sum type's variant names, which a lowercase name never sets.
            if (field && name && literals.length > 0 && literals.every(l => /^[a-z_`]/.test(l)) && !literals.includes(name)) {
                accept('error', `'${name}' is not a value of ${fieldLabel(field)} (${literals.join(', ')}), nor a binding in scope. Set it to one of those values, or add '${name}' to the field's values.`,
                    { node: assignment.right, code: IssueCodes.StatusUndefinedValue, data: { values: literals } });
            }
        };
        for (const rule of blocks(module, ast.isRuleDecl)) {
            for (const clause of clausesOf(rule.items).filter(c => c.keyword === 'ensures')) {
                clause.value.forEach(value => visitAssignments(value, check));
            }
        }
    };
}

/** A bare lowercase name that linking found neither a literal nor a binding for. */
function unresolvedName(node: AstNode): string | undefined {
    const name = identName(node);
    return name && /^[a-z_]/.test(name) && !(node as ast.NameRef).ref.ref ? name : undefined;
}

/** The `a = b` assignments of an ensures value, through `and`, `if` branches, `for` bodies and `when` guards. */
function visitAssignments(node: AstNode | undefined, found: (assignment: ast.BinaryExpr) => void): void {
    if (ast.isBinaryExpr(node) && node.operator === '=') {
        found(node);
    } else if (ast.isBinaryExpr(node) && node.operator === 'and') {
        visitAssignments(node.left, found);
        visitAssignments(node.right, found);
    } else if (ast.isIfExpr(node)) {
        node.branches.forEach(branch => valueItems(branch.body).forEach(item => visitAssignments(item, found)));
        valueItems(node.elseBody).forEach(item => visitAssignments(item, found));
    } else if (ast.isForExpr(node)) {
        valueItems(node.body).forEach(item => visitAssignments(item, found));
    } else if (ast.isExprBlock(node)) {
        node.items.forEach(item => visitAssignments(item, found));
    } else if (ast.isWhenGuard(node)) {
        visitAssignments(node.action, found);
    } else if (ast.isParenthesized(node)) {
        visitAssignments(node.inner, found);
    }
}

/** The field linking found for `order.status` (or `order.shipment.status`): none when the receiver's type is unknown. */
function assignedField(target: AstNode, visible: Set<AstNode>): Field | undefined {
    const member = ast.isMemberAccess(target) ? target.member.ref : undefined;
    return member && isField(member) && !ast.isConfigDecl(member.$container) && visible.has(AstUtils.findRootNode(member)) ? member : undefined;
}

function fieldLabel(field: Field): string {
    return `'${(field.$container as Structured).name}.${field.name}'`;
}
