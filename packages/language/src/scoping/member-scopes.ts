import { EMPTY_SCOPE, MapScope, WorkspaceCache, type AstNode, type AstNodeDescription, type AstNodeDescriptionProvider, type Scope } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import type { SpecTypes } from '../typing/spec-types.js';
import type { Field, TypeDecl } from '../typing/spec-nodes.js';
import { pipeRefs } from '../ast/names.js';

const EQUALITY = new Set(['=', '!=', 'in', 'not in']);

/** A literal written inline in a field's type (`pending | shipped`) is its own declaration. */
type Named = Field | ast.EnumLiteral | { node: ast.NameRef; name: string };

/**
 * Names that mean something because of what they are applied to, not where they are written: the member of
 * `order.status` (a field of whatever `order` is), a bare `status` in `Orders where status = active` (a field
 * of the filtered type), and `pending` in `order.status = pending` (a literal of the field's enum). When what
 * they apply to cannot be told, the name stays unresolved, which the validators accept as the reference
 * checker does.
 */
export class MemberScopes {
    private readonly byType: WorkspaceCache<AstNode, Scope>;

    constructor(private readonly services: AlliumServices) {
        this.byType = new WorkspaceCache(services.shared);
    }

    private get types(): SpecTypes {
        return this.services.typing.SpecTypes;
    }

    private get descriptions(): AstNodeDescriptionProvider {
        return this.services.workspace.AstNodeDescriptionProvider;
    }

    /** What `.name` can reach from `receiver`: fields, config parameters, or an enum's literals. */
    ofReceiver(receiver: AstNode | undefined): Scope {
        const denoted = this.types.denote(receiver);
        if (!denoted) {
            return EMPTY_SCOPE;
        }
        if (denoted.kind === 'config') {
            return this.byType.get(denoted.module, () => this.scopeOf(this.types.configParameters(denoted.module)));
        }
        return this.byType.get(denoted.type, () => this.scopeOf(this.membersOf(denoted.type)));
    }

    /** Names a bare reference can mean beyond its lexical scope, innermost first; undefined when there are none. */
    impliedAt(reference: AstNode): AstNodeDescription[] | undefined {
        if (!ast.isNameRef(reference)) {
            return undefined;
        }
        const literals = this.expectedLiterals(reference);
        const fields = this.filteredFields(reference);
        if (!literals && !fields) {
            return undefined;
        }
        // A scope keeps the last of equal names: an expected literal wins over a field of the same name.
        return [...fields ?? [], ...literals ?? []].map(named => this.descriptions.createDescription('node' in named ? named.node : named, named.name));
    }

    private membersOf(type: TypeDecl): (Field | ast.EnumLiteral)[] {
        return ast.isEnumDecl(type) ? type.literals : this.types.fieldsOf(type);
    }

    private scopeOf(members: (Field | ast.EnumLiteral)[]): Scope {
        return new MapScope(members.map(m => this.descriptions.createDescription(m, m.name)));
    }

    /** Fields of the filtered type, for a name inside the condition of `Source where condition`. */
    private filteredFields(reference: ast.NameRef): Field[] | undefined {
        for (let node: AstNode = reference; node.$container; node = node.$container) {
            const parent = node.$container;
            if (ast.isFilter(parent) && node.$containerProperty === 'condition') {
                const source = this.types.denoteElement(parent.source);
                return source && source.kind !== 'config' && !ast.isEnumDecl(source.type) ? this.types.fieldsOf(source.type) : undefined;
            }
        }
        return undefined;
    }

    /**
     * Literals a comparison or a creation argument expects: `order.status = pending` links `pending` to the
     * `pending` of the field's `pending | shipped`, or to the literal of its named enum.
     */
    private expectedLiterals(reference: ast.NameRef): Named[] | undefined {
        const field = this.expectedField(reference);
        if (!field) {
            return undefined;
        }
        const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
        const inline = pipeRefs(value);
        if (inline.length > 1) {
            return inline.map(literal => ({ node: literal, name: literal.ref.$refText }));
        }
        const type = this.types.typeOfValue(value, field);
        return type && ast.isEnumDecl(type.type) ? type.type.literals : undefined;
    }

    private expectedField(reference: ast.NameRef): Field | undefined {
        const value = ast.isSetLiteral(reference.$container) ? reference.$container : reference;
        const parent = value.$container;
        if (ast.isBinaryExpr(parent) && EQUALITY.has(parent.operator)) {
            return this.fieldAt(parent.left === value ? parent.right : parent.left);
        }
        if (ast.isCallArg(parent) && parent.name && ast.isCall(parent.$container) && ast.isMemberAccess(parent.$container.callee)
            && parent.$container.callee.member.$refText === 'created') {
            const entity = this.types.denote(parent.$container.callee.receiver);
            return entity?.kind === 'type' ? this.types.field(entity.type, parent.name) : undefined;
        }
        return undefined;
    }

    /** The field an expression reads: `order.status`, or `status` inside a filter's condition. */
    private fieldAt(expression: AstNode): Field | undefined {
        if (ast.isMemberAccess(expression)) {
            const receiver = this.types.denote(expression.receiver);
            return receiver && receiver.kind !== 'config' ? this.types.field(receiver.type, expression.member.$refText) : undefined;
        }
        if (ast.isNameRef(expression)) {
            return this.filteredFields(expression)?.find(f => f.name === expression.ref.$refText);
        }
        return undefined;
    }
}
