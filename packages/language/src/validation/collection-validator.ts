import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { identName } from '../ast/ast-views.js';

const LAMBDA_OPERATORS = new Set(['any', 'all', 'each']);

/** `items.any(done)` reads as a field name, but a collection operator takes a lambda: `items.any(i => i.done)`. */
export function checkImplicitLambda(call: ast.Call, accept: ValidationAcceptor): void {
    const operator = ast.isMemberAccess(call.callee) ? call.callee.member.$refText : undefined;
    const argument = call.args.length === 1 && !call.args[0].name ? call.args[0].value : undefined;
    const shorthand = identName(argument);
    if (operator && LAMBDA_OPERATORS.has(operator) && shorthand !== undefined && /^[a-z_]/.test(shorthand)) {
        accept('error', `'.${operator}(${shorthand})' needs an explicit lambda: write '.${operator}(x => x.${shorthand})'.`,
            { node: argument!, code: IssueCodes.ExpressionImplicitLambda });
    }
}
