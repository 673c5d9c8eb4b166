import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';

/** Each config parameter (`timeout: Duration = 5.minutes`, `retries: 3`): its declared value is what the code uses. */
export function configObligations(config: ast.ConfigDecl, owner: string): Obligation[] {
    return config.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && i.value !== undefined)
        .map(parameter => ({
            id: `config-default.${parameter.name}`, category: 'config_default', construct: `config.${parameter.name}`, owner,
            span: spanOf(parameter),
            description: `config.${parameter.name} is ${defaultText(parameter.value)} unless configured otherwise`
        }));
}

/** `5.minutes` of `Duration = 5.minutes`; a value written without a type is its own default. */
function defaultText(value: ast.ClauseValue | undefined): string {
    const shown = ast.isBinaryExpr(value) && value.operator === '=' ? value.right : value;
    return shown?.$cstNode?.text.replace(/\s+/g, ' ') ?? 'its declared value';
}
