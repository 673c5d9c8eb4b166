import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './obligation.js';

/** Each config parameter with a default (`timeout: Duration = 5.minutes`): the default is what the code uses. */
export function configObligations(config: ast.ConfigDecl, owner: string): Obligation[] {
    return config.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && ast.isBinaryExpr(i.value) && i.value.operator === '=')
        .map(parameter => ({
            id: `config-default.${parameter.name}`, category: 'config_default', construct: `config.${parameter.name}`, owner,
            span: spanOf(parameter),
            description: `config.${parameter.name} is ${(parameter.value as ast.BinaryExpr).right.$cstNode?.text ?? 'its default'} unless configured otherwise`
        }));
}
