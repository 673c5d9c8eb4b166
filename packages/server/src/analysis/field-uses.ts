import { AstUtils, GrammarUtils, UriUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import * as ast from '@allium/language';
import type { SpecTypes } from '@allium/language';
import { isTypeDecl, localName, usePathTarget, type Field, type TypeDecl } from '@allium/language';

export interface FieldUse {
    node: AstNode;
    /** Where the field's name is written. */
    name: CstNode;
    /** Set by the use: assigned in `ensures:` or given to `.created(...)`. */
    writes: boolean;
    /** The receiver is known to be the field's owner; otherwise nothing tells what it is. */
    certain: boolean;
}

/**
 * Where a field is named outside its declaration: `order.status` (when `order` is, or may be, an Order),
 * `Order.created(status: ...)`, `transitions status`, and `when status = ...` presence clauses of its entity.
 * Linking does not reach fields through `.` yet, so this reads the receivers' types (see SpecTypes).
 */
export class FieldUses {
    constructor(private readonly services: LangiumServices, private readonly types: SpecTypes) {}

    of(field: Field): FieldUse[] {
        const owner = isTypeDecl(field.$container) ? field.$container : undefined;
        const isConfig = ast.isConfigDecl(field.$container);
        const uses: FieldUse[] = [];
        for (const module of this.relatedModules(AstUtils.getDocument(field))) {
            for (const node of AstUtils.streamAst(module)) {
                const use = this.useAt(node, field, owner, isConfig);
                if (use) {
                    uses.push(use);
                }
            }
        }
        return uses;
    }

    private useAt(node: AstNode, field: Field, owner: TypeDecl | undefined, isConfig: boolean): FieldUse | undefined {
        if (ast.isMemberAccess(node) && node.member.$refText === field.name && node.$cstNode) {
            const linked = node.member.ref;
            const reach = linked ? (linked === field ? 'certain' : 'no') : isConfig ? configReach(node.receiver) : this.reach(node.receiver, owner);
            const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'member');
            return reach !== 'no' && name ? { node, name, writes: writes(node), certain: reach === 'certain' } : undefined;
        }
        if (owner && ast.isCallArg(node) && node.name === field.name && ast.isCall(node.$container) && ast.isMemberAccess(node.$container.callee)
            && node.$container.callee.member.$refText === 'created' && node.$cstNode) {
            const reach = this.reach(node.$container.callee.receiver, owner);
            const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
            return reach !== 'no' && name ? { node, name, writes: true, certain: reach === 'certain' } : undefined;
        }
        if (owner && node.$container === owner && ast.isTransitionsBlock(node) && node.field === field.name && node.$cstNode) {
            const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'field');
            return name && { node, name, writes: false, certain: true };
        }
        if (owner && ast.isNameRef(node) && !node.ref.ref && node.ref.$refText === field.name && node.$cstNode && isPresenceSubject(node, owner)) {
            return { node, name: node.$cstNode, writes: false, certain: true };
        }
        return undefined;
    }

    /** Whether a receiver is an instance (or the type) of `owner`: certainly, perhaps (nothing tells), or not. */
    private reach(receiver: AstNode, owner: TypeDecl | undefined): 'certain' | 'perhaps' | 'no' {
        const denoted = this.types.denote(receiver);
        if (!denoted) {
            return 'perhaps';
        }
        if (denoted.kind === 'config' || !owner) {
            return 'no';
        }
        const isOwner = denoted.type === owner || (ast.isVariantDecl(denoted.type) && localName(denoted.type.base ?? '') === owner.name);
        return isOwner ? 'certain' : 'no';
    }

    /** The document's module and the modules that import it with `use`. */
    relatedModules(document: LangiumDocument): ast.Module[] {
        const importers = this.services.shared.workspace.LangiumDocuments.all
            .filter(d => d !== document && (d.parseResult.value as ast.Module).declarations?.some(u => ast.isUseDecl(u)
                && UriUtils.equals(usePathTarget(d.uri, u.path), document.uri)))
            .map(d => d.parseResult.value as ast.Module);
        return [document.parseResult.value as ast.Module, ...importers];
    }
}

function configReach(receiver: AstNode): 'certain' | 'no' {
    return ast.isNameRef(receiver) && receiver.ref.$refText === 'config' ? 'certain' : 'no';
}

/** `x.field = value` in an `ensures:` clause. */
function writes(access: ast.MemberAccess): boolean {
    const parent = access.$container;
    if (!ast.isBinaryExpr(parent) || parent.operator !== '=' || parent.left !== access) {
        return false;
    }
    for (let node: AstNode | undefined = parent; node; node = node.$container) {
        if (ast.isAssignment(node)) {
            return node.name === 'ensures';
        }
    }
    return false;
}

/** `status` in `tracking_number: String when status = shipped` of the same entity. */
function isPresenceSubject(name: ast.NameRef, owner: TypeDecl): boolean {
    const comparison = name.$container;
    const guard = comparison?.$container;
    return ast.isBinaryExpr(comparison) && comparison.left === name && ast.isWhenGuard(guard) && guard.condition === comparison
        && ast.isAssignment(guard.$container) && guard.$container.$container === owner;
}
