import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';

/** An enum without literals gives its fields no value to hold. */
export function checkEmptyEnum(declaration: ast.EnumDecl, accept: ValidationAcceptor): void {
    if (declaration.literals.length === 0) {
        accept('warning', `Enum '${declaration.name}' has no values, so no field of this type can hold one. List its values: enum ${declaration.name} { a | b }.`,
            { node: declaration, property: 'name', code: IssueCodes.EnumEmpty });
    }
}
