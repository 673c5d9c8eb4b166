import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';

/** Enums, value types and variants: each a short test of what the type promises. */
export function typeObligations(declaration: ast.EnumDecl | ast.ValueDecl | ast.VariantDecl, owner: string): Obligation[] {
    const name = declaration.name;
    const make = (category: string, prefix: string, description: string): Obligation =>
        ({ id: `${prefix}.${name}`, category, description, construct: name, owner, span: spanOf(declaration) });
    if (ast.isEnumDecl(declaration)) {
        return [make('enum_comparable', 'enum-comparable', `Values of the enum ${name} can be compared with each other`)];
    }
    if (ast.isValueDecl(declaration)) {
        return [make('value_equality', 'value-equality', `Two ${name} values with equal fields are equal`)];
    }
    return [make('sum_type_variant', 'sum-type-variant', `The own fields of variant ${name} are reachable once a check narrows ${declaration.base} to ${name}`)];
}
