import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';

/**
 * Each member a contract declares (`serialize: (value: Any) -> ByteArray`, also `zone: String`): an implementation
 * has it, with that signature. Annotations (`@invariant`) are prose, not signatures.
 */
export function contractObligations(contract: ast.ContractDecl, owner: string): Obligation[] {
    return contract.items.filter((i): i is ast.Assignment => ast.isAssignment(i))
        .map(operation => ({
            id: `contract-signature.${contract.name}.${operation.name}`, category: 'contract_signature', construct: `${contract.name}.${operation.name}`,
            owner, span: spanOf(operation),
            description: `Implementations of ${contract.name} provide ${operation.name} with the declared parameters and result`
        }));
}
