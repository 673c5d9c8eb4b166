import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOfType } from '../ast-nodes.js';
import { typeIn } from '../typing/spec-nodes.js';
import { fieldsOf, identName, startsUppercase } from '../ast/ast-views.js';

/**
 * Relationships (`slots: InterviewSlot with candidacy = this`) name the singular entity and link it back to `this`;
 * `where` filters an already scoped collection, so `this` means nothing in it. Actors are the exception the
 * language reference itself writes: `identified_by: User where WorkspaceMembership{user: this, ...}`.
 */
export function checkRelationships(module: ast.Module, accept: ValidationAcceptor): void {
    const anchored = filtersAnchoredByThis(module);
    for (const declaration of module.declarations) {
        if (!ast.isEntityDecl(declaration) && !ast.isValueDecl(declaration) && !ast.isVariantDecl(declaration)) {
            continue;
        }
        for (const field of fieldsOf(declaration.items)) {
            const relationship = relationshipOf(field);
            if (!relationship) {
                continue;
            }
            if (relationship.condition && !anchored.has(relationship)) {
                accept('warning', `Relationship '${field.name}' does not refer to 'this', so it does not link its targets to this ${declaration.name}. Name the field that points back, e.g. 'with ${snake(declaration.name)} = this'; to filter a collection, use 'where'.`,
                    { node: relationship.condition, code: IssueCodes.RelationshipMissingBackreference });
            }
            checkSingularTarget(module, relationship.source, accept);
        }
    }
    for (const [filter, self] of anchored) {
        if ((!ast.isFilter(filter) || filter.op === 'where') && !ast.isActorDecl(declarationOf(filter))) {
            accept('warning', `A 'where' filter selects from a collection already in scope, so it cannot refer to 'this'. Compare the element's fields with a binding instead; a relationship uses 'with ... = this'.`,
                { node: self, code: IssueCodes.WhereThisReference });
        }
    }
}

/** `Slot with candidacy = this`, also when the field is present only in some states (`... when status = open`). */
function relationshipOf(field: ast.Assignment): ast.Filter | undefined {
    const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
    return ast.isFilter(value) && value.op === 'with' ? value : undefined;
}

/** `with`/`where` filters and `for ... where` loops. */
type Filtering = ast.Filter | ast.ForBlock | ast.ForExpr;

/** Each filter whose condition mentions `this`, with the first such `this`. A `this` belongs to the innermost filter. */
function filtersAnchoredByThis(module: ast.Module): Map<Filtering, ast.ThisLiteral> {
    const anchored = new Map<Filtering, ast.ThisLiteral>();
    for (const self of nodesOfType<ast.ThisLiteral>(module, 'ThisLiteral')) {
        for (let node: AstNode = self; node.$container && !ast.isModule(node.$container); node = node.$container) {
            const parent = node.$container;
            if ((ast.isFilter(parent) && node.$containerProperty === 'condition')
                || ((ast.isForBlock(parent) || ast.isForExpr(parent)) && node.$containerProperty === 'filter')) {
                if (!anchored.has(parent)) {
                    anchored.set(parent, self);
                }
                break;
            }
        }
    }
    return anchored;
}

/** `Orders with order = this` where `Order` is declared: the plural names the collection, not the entity. */
function checkSingularTarget(module: ast.Module, target: AstNode, accept: ValidationAcceptor): void {
    const name = identName(target);
    const singular = name && startsUppercase(name) ? singularForms(name).find(s => isEntityLike(module, s)) : undefined;
    if (singular) {
        accept('warning', `Relationship target '${name}' is plural. Name the singular entity '${singular}': the field's name says how many there are.`,
            { node: target, code: IssueCodes.RelationshipNonSingularTarget });
    }
}

function singularForms(name: string): string[] {
    if (!name.endsWith('s') || /(ss|us|is)$/.test(name)) {
        return [];
    }
    const forms = [name.slice(0, -1)];
    if (name.endsWith('ies')) {
        forms.push(`${name.slice(0, -3)}y`);
    } else if (name.endsWith('es')) {
        forms.push(name.slice(0, -2));
    }
    return forms;
}

function isEntityLike(module: ast.Module, name: string): boolean {
    const type = typeIn(module, name);
    return type !== undefined && !ast.isEnumDecl(type);
}

function declarationOf(node: AstNode): AstNode {
    let top = node;
    while (top.$container && !ast.isModule(top.$container)) {
        top = top.$container;
    }
    return top;
}

/** `CandidacySlot` -> `candidacy_slot`, the usual name of the field pointing back. */
function snake(name: string): string {
    return name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();
}
