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
    /** The fields a filter's condition can name, for every name in it; null when its source type is unknown. */
    private readonly filterFields: WorkspaceCache<ast.Filter, Field[] | null>;
    /** What the implied names of a filter's condition and of a compared field mean, by filter and field (or null). */
    private readonly implied: WorkspaceCache<ast.Filter | Field, Map<Field | null, ReadonlyMap<string, AstNodeDescription>>>;

    constructor(private readonly services: AlliumServices) {
        this.byType = new WorkspaceCache(services.shared);
        this.filterFields = new WorkspaceCache(services.shared);
        this.implied = new WorkspaceCache(services.shared);
    }

    // Resolved on first use (the services are not all built when this is), then kept: every look-up through the
    // service container costs a proxy call, and linking asks once per reference.
    private typesService: SpecTypes | undefined;
    private descriptionsService: AstNodeDescriptionProvider | undefined;

    private get types(): SpecTypes {
        return this.typesService ??= this.services.typing.SpecTypes;
    }

    private get descriptions(): AstNodeDescriptionProvider {
        return this.descriptionsService ??= this.services.workspace.AstNodeDescriptionProvider;
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

    /**
     * Names a bare reference can mean beyond its lexical scope, by name; undefined when there are none. They are the
     * same for every reference in one filter's condition compared with one field, so they are described once.
     */
    impliedAt(reference: AstNode): ReadonlyMap<string, AstNodeDescription> | undefined {
        if (!ast.isNameRef(reference)) {
            return undefined;
        }
        const field = this.expectedField(reference);
        const filter = this.filterAround(reference);
        const key = filter && this.fieldsOfFilter(filter) ? filter : field;
        if (!key) {
            return undefined;
        }
        let byField = this.implied.get(key);
        if (!byField) {
            this.implied.set(key, byField = new Map());
        }
        const inner = key === filter ? field ?? null : null;
        let names = byField.get(inner);
        if (!names) {
            const literals = field && this.expectedLiterals(field);
            const fields = key === filter ? this.fieldsOfFilter(filter) : undefined;
            // A scope keeps the last of equal names: an expected literal wins over a field of the same name.
            names = new Map([...fields ?? [], ...literals ?? []].map(named => [named.name, this.descriptions.createDescription('node' in named ? named.node : named, named.name)]));
            byField.set(inner, names);
        }
        // No implied name leaves the lexical scope as it is.
        return names.size > 0 ? names : undefined;
    }

    private membersOf(type: TypeDecl): (Field | ast.EnumLiteral)[] {
        return ast.isEnumDecl(type) ? type.literals : this.types.fieldsOf(type);
    }

    private scopeOf(members: (Field | ast.EnumLiteral)[]): Scope {
        return new MapScope(members.map(m => this.descriptions.createDescription(m, m.name)));
    }

    /** The innermost filter whose condition holds `reference`: `status` in `Orders where status = active`. */
    private filterAround(reference: ast.NameRef): ast.Filter | undefined {
        for (let node: AstNode = reference; node.$container; node = node.$container) {
            // The property is compared first: most containers are not filters, and the type test costs more.
            if (node.$containerProperty === 'condition' && ast.isFilter(node.$container)) {
                return node.$container;
            }
        }
        return undefined;
    }

    /** Fields of the filtered type, for a name inside the condition of `Source where condition`. */
    private fieldsOfFilter(filter: ast.Filter): Field[] | undefined {
        return this.filterFields.get(filter, () => {
            const source = this.types.denoteElement(filter.source);
            return source && source.kind !== 'config' && !ast.isEnumDecl(source.type) ? this.types.fieldsOf(source.type) : null;
        }) ?? undefined;
    }

    private filteredFields(reference: ast.NameRef): Field[] | undefined {
        const filter = this.filterAround(reference);
        return filter && this.fieldsOfFilter(filter);
    }

    /**
     * Literals a comparison or a creation argument expects: `order.status = pending` links `pending` to the
     * `pending` of the field's `pending | shipped`, or to the literal of its named enum.
     */
    private expectedLiterals(field: Field): Named[] | undefined {
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
