import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { isSignatureReturn } from '../typing/signature-types.js';
import { typeNames, typeNamesInScope } from '../ast/type-names.js';
import { IssueCodes } from '../diagnostics/catalogue.js';

/**
 * The parameter and return types of a contract's signatures must be declared or imported, as field types must
 * (language reference: contract signatures use the spec's types). Neither JUXT tool checks this; qualified names are
 * the import checks' concern (`allium.reference.*`).
 */
export function checkContractTypes(contract: ast.ContractDecl, accept: ValidationAcceptor): void {
    const known = typeNamesInScope(AstUtils.findRootNode(contract) as ast.Module);
    const message = (name: string) => `'${name}' is not a type this file declares or imports. Declare it (entity, value, enum, variant or actor), or import it with 'use'.`;
    for (const signature of AstUtils.streamAst(contract).filter(isSignatureReturn)) {
        const source: AstNode = signature.source;
        const params = ast.isParamList(source) ? source.params : [];
        for (const name of [...params.flatMap(p => typeNames(p.type)), ...signature.typeArgs.flatMap(typeNames)]) {
            if (!known.has(name.ref.$refText)) {
                accept('error', message(name.ref.$refText), { node: name, code: IssueCodes.ContractUndefinedType });
            }
        }
        if (!signature.field.includes('/') && /^[A-Z]/.test(signature.field) && !known.has(signature.field)) {
            accept('error', message(signature.field), { node: signature, property: 'field', code: IssueCodes.ContractUndefinedType });
        }
    }
}
