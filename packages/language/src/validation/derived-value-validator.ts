import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { fieldsOf, identName } from '../ast/ast-views.js';
import { isTypeExpression } from '../ast/type-expressions.js';

/** Derived values (`total: items.sum(i => i.price)`) that depend on each other in a loop have no value. */
export function checkDerivedCycles(entity: ast.EntityDecl, accept: ValidationAcceptor): void {
    const derived = new Map(fieldsOf(entity.items).filter(f => f.value && !isTypeExpression(f.value)).map(f => [f.name, f]));
    const uses = new Map([...derived].map(([name, field]) => [name, new Set(ownNames(field.value!)
        .filter(n => n !== name && derived.has(n)))]));
    for (const [name, field] of derived) {
        if (reaches(name, name, uses, new Set())) {
            accept('error', `Derived value '${entity.name}.${name}' depends on itself through other derived values, so it has no value. Break the loop.`,
                { node: field, property: 'name', code: IssueCodes.DerivedCircularDependency });
        }
    }
}

/**
 * The bare names a derivation reads from its own entity. Those in a `where` condition name fields of the filtered
 * elements (`open_tasks: tasks where is_open` reads each task's `is_open`), so they are left out.
 */
function ownNames(value: AstNode): string[] {
    const names: string[] = [];
    const skipped = new Set<AstNode>(nodesOf(value).filter(ast.isFilter).map(f => f.condition));
    const visit = (node: AstNode): void => {
        if (skipped.has(node)) {
            return;
        }
        const name = identName(node);
        if (name !== undefined) {
            names.push(name);
        }
        for (const child of AstUtils.streamContents(node)) {
            visit(child);
        }
    };
    visit(value);
    return names;
}

function reaches(from: string, target: string, uses: Map<string, Set<string>>, seen: Set<string>): boolean {
    for (const next of uses.get(from) ?? []) {
        if (next === target || (!seen.has(next) && (seen.add(next), reaches(next, target, uses, seen)))) {
            return true;
        }
    }
    return false;
}

