import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './obligation.js';

/** Each operation a contract declares (`serialize: (value: Any) -> ByteArray`): an implementation has it. */
export function contractObligations(contract: ast.ContractDecl, owner: string): Obligation[] {
    return contract.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && ast.isProjection(i.value) && ast.isParamList(i.value.source))
        .map(operation => ({
            id: `contract-signature.${contract.name}.${operation.name}`, category: 'contract_signature', construct: `${contract.name}.${operation.name}`,
            owner, span: spanOf(operation),
            description: `Implementations of ${contract.name} provide ${operation.name} with the declared parameters and result`
        }));
}
