import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { clausesOf, fieldsOf, identName, startsUppercase } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';
import { typeNames, typeNamesInScope } from '../ast/type-names.js';

/** Capitalised names used as field types, or as the entity of a rule's trigger or creation, must be declared. */
export function checkTypeReferences(module: ast.Module, accept: ValidationAcceptor): void {
    const known = typeNamesInScope(module);
    const report = (node: ast.NameRef, code: string) => accept('error',
        `'${node.ref.$refText}' is not a type this file declares or imports. Declare it (entity, value, enum, variant or actor), or import it with 'use'.`,
        { node, code });
    for (const declaration of module.declarations) {
        // Variant bodies are not checked: the reference reads `variant X : Base {` as a lookup, with no fields.
        if (ast.isEntityDecl(declaration) || ast.isValueDecl(declaration)) {
            for (const field of fieldsOf(declaration.items)) {
                for (const name of typeNames(fieldType(field.value))) {
                    if (!known.has(name.ref.$refText)) {
                        report(name, IssueCodes.TypeUndefinedReference);
                    }
                }
            }
        } else if (ast.isRuleDecl(declaration)) {
            for (const clause of clausesOf(declaration.items).filter(c => c.keyword === 'when' || c.keyword === 'ensures' || c.keyword === 'requires')) {
                for (const name of clause.value.flatMap(ruleTypeNames)) {
                    if (!known.has(name.ref.$refText)) {
                        report(name, IssueCodes.RuleUndefinedTypeReference);
                    }
                }
            }
        }
    }
}

/** The type part of a field: `Type when status = a | b` declares presence, the type is what precedes `when`. */
function fieldType(value: ast.ClauseValue | undefined): AstNode | undefined {
    if (ast.isWhenGuard(value)) {
        const condition = value.condition;
        const isPresenceClause = ast.isBinaryExpr(condition) && condition.operator === '=' && identName(condition.left) !== undefined
            && pipeRefs(condition.right).length > 0;
        return isPresenceClause ? value.action : undefined;
    }
    return value;
}

/** `Entity.created(...)`, `x: Entity.field ...`, `Entity.status becomes v`: the capitalised entity name. */
function ruleTypeNames(node: AstNode | undefined): ast.NameRef[] {
    const entityOf = (subject: AstNode | undefined): ast.NameRef[] => {
        if (ast.isMemberAccess(subject) && ast.isNameRef(subject.receiver)) {
            const name = identName(subject.receiver);
            return name && startsUppercase(name) ? [subject.receiver] : [];
        }
        return [];
    };
    if (ast.isTrigger(node)) {
        return ruleTypeNames(node.expr);
    }
    if (ast.isBinaryExpr(node) && (node.operator === 'transitions_to' || node.operator === 'becomes')) {
        return entityOf(node.left);
    }
    if (ast.isBinaryExpr(node) && (node.operator === 'and' || node.operator === 'or' || node.operator === 'implies')) {
        return [...ruleTypeNames(node.left), ...ruleTypeNames(node.right)];
    }
    if (ast.isCall(node)) {
        return entityOf(node.callee);
    }
    return entityOf(node);
}
