import { AstUtils, GrammarUtils, MultiMap, WorkspaceCache, type AstNode, type CstNode, type LangiumCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument } from '../scoping/imports.js';
import { localName, pipeNames } from '../ast/names.js';
import { treeMemo } from '../ast/tree-memo.js';
import { isField, isStructured, isTypeDecl, leftmostName, typeIn, within, type Denoted, type Field, type Structured, type TypeDecl } from './spec-nodes.js';

const MAX_DEPTH = 8;

/**
 * Allium is untyped at the surface: `order.status` says nothing of what `order` is. This reads the usual clues a
 * reader would: a trigger binding (`order: Order.created`), a surface binding (`context order: Order`), a field's
 * declared type, a `for` over a typed collection, the naming convention that `order` is an `Order`, and, for a
 * trigger parameter, the one type that has every field the rule uses on it. Linking uses it to resolve member
 * names (`order.status`), and the editor features to describe what an expression is.
 */
export class SpecTypes {
    /** What each trigger parameter denotes, worked out once per state of the workspace. */
    private readonly parameters: WorkspaceCache<AstNode, Denoted | null>;
    /** For each module, the types it sees (its own and those of the files it imports) by the fields they declare. */
    private readonly typesByField: WorkspaceCache<ast.Module, Map<string, Set<Structured>>>;
    /**
     * For each module, the type each list of members used narrows to: the rules of a file use the same few lists on
     * their parameters, and intersecting the types declaring a common field (`status`) for each was most of linking.
     */
    private readonly typesByShape: WorkspaceCache<ast.Module, Map<string, Structured | null>>;
    private readonly typesByName: WorkspaceCache<'all', Map<string, TypeDecl>>;
    /** What each named local denotes; linking asks for the same few bindings once per member access. */
    private readonly bindings: WorkspaceCache<AstNode, Denoted | null>;
    /** The first field of each name of a type; linking looks one up for every member access and comparison. */
    private readonly fieldsByName: WorkspaceCache<TypeDecl, Map<string, Field>>;
    /** What the naming convention gives each name, by module: linking asks for every member access on such a name. */
    private readonly conventions: WorkspaceCache<ast.Module, Map<string, Denoted | null>>;

    constructor(private readonly services: LangiumCoreServices) {
        this.parameters = new WorkspaceCache(services.shared);
        this.typesByField = new WorkspaceCache(services.shared);
        this.typesByShape = new WorkspaceCache(services.shared);
        this.typesByName = new WorkspaceCache(services.shared);
        this.bindings = new WorkspaceCache(services.shared);
        this.fieldsByName = new WorkspaceCache(services.shared);
        this.conventions = new WorkspaceCache(services.shared);
    }

    /** Fields and field-like items of a type, including those of a variant's base entity and an actor's identity. */
    fieldsOf(type: TypeDecl, depth = 0): Field[] {
        if (ast.isEnumDecl(type) || depth > MAX_DEPTH) {
            return [];
        }
        const own = type.items.filter(isField);
        if (ast.isVariantDecl(type)) {
            const base = this.findType(type.base, type);
            return base ? [...own, ...this.fieldsOf(base, depth + 1).filter(f => !own.some(o => o.name === f.name))] : own;
        }
        if (ast.isActorDecl(type)) {
            const identified = this.identifiedType(type, depth + 1);
            return identified && !ast.isEnumDecl(identified) ? [...own, ...this.fieldsOf(identified, depth + 1)] : own;
        }
        return own;
    }

    /** What an actor stands for: the type of its `identified_by` (`User where role = admin` gives User). */
    identifiedType(type: TypeDecl, depth = 0): TypeDecl | undefined {
        const identity = ast.isActorDecl(type) ? type.items.find((i): i is ast.Assignment => ast.isAssignment(i) && i.name === 'identified_by') : undefined;
        return identity && this.typeOfValue(identity.value, type, depth)?.type;
    }

    field(type: TypeDecl, name: string): Field | undefined {
        return this.fieldsByName.get(type, () => {
            const byName = new Map<string, Field>();
            for (const field of this.fieldsOf(type)) {
                if (!byName.has(field.name)) {
                    byName.set(field.name, field);
                }
            }
            return byName;
        }).get(name);
    }

    /** Values a field can take: the `a | b | c` of an inline enum, or the literals of a named enum. */
    literalsOf(field: Field): string[] {
        const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
        const inline = pipeNames(value);
        if (inline.length > 1) {
            return inline;
        }
        const named = this.typeOfValue(value, field);
        return named && ast.isEnumDecl(named.type) ? named.type.literals.map(l => l.name) : [];
    }

    /** The type a field's declared value names: `Customer`, `Customer?`, `List<Item>`, `Order with customer = this`. */
    typeOfValue(value: AstNode | undefined, context: AstNode, depth = 0): { type: TypeDecl; collection: boolean } | undefined {
        if (!value || depth > MAX_DEPTH) {
            return undefined;
        }
        if (ast.isNameRef(value) && /^[A-Z]/.test(localName(value.ref.$refText))) {
            const type = this.findType(value.ref.$refText, context);
            return type && { type, collection: false };
        }
        if (ast.isOptionalType(value)) {
            return this.typeOfValue(value.inner, context, depth + 1);
        }
        if (ast.isGenericType(value)) {
            const element = this.typeOfValue(value.args[value.args.length - 1], context, depth + 1);
            return element && { type: element.type, collection: true };
        }
        if (ast.isFilter(value)) {
            const source = this.typeOfValue(value.source, context, depth + 1);
            return source && { type: source.type, collection: source.collection || value.op === 'with' };
        }
        if (ast.isWhenGuard(value)) {
            return this.typeOfValue(value.action, context, depth + 1);
        }
        return undefined;
    }

    /** What an expression in a spec denotes; undefined when nothing says. */
    denote(expression: AstNode | undefined, depth = 0): Denoted | undefined {
        if (!expression || depth > MAX_DEPTH) {
            return undefined;
        }
        if (ast.isNameRef(expression)) {
            return this.denoteName(expression.ref.$refText, expression, expression.ref.ref, depth);
        }
        if (ast.isMemberAccess(expression)) {
            const receiver = this.denote(expression.receiver, depth + 1);
            return receiver && this.denoteMember(receiver, expression.member.$refText, expression, depth);
        }
        if (ast.isThisLiteral(expression)) {
            const owner = AstUtils.getContainerOfType(expression, isStructured);
            return owner && { kind: 'instance', type: owner };
        }
        if (ast.isFilter(expression)) {
            return this.denote(expression.source, depth + 1);
        }
        if (ast.isCall(expression) && ast.isMemberAccess(expression.callee) && expression.callee.member.$refText === 'created') {
            const entity = this.denote(expression.callee.receiver, depth + 1);
            return entity?.kind === 'type' ? { kind: 'instance', type: entity.type } : undefined;
        }
        if (ast.isParenthesized(expression)) {
            return this.denote(expression.inner, depth + 1);
        }
        return undefined;
    }

    /** A member reached from what the receiver denotes: a field's type, or nothing when the field is unknown. */
    denoteMember(receiver: Denoted, member: string, context: AstNode, depth = 0): Denoted | undefined {
        if (receiver.kind === 'config' || member === 'created') {
            return receiver.kind === 'type' ? { kind: 'instance', type: receiver.type } : undefined;
        }
        const field = this.field(receiver.type, member);
        const type = field && this.typeOfValue(field.value, context, depth + 1);
        return type && { kind: 'instance', type: type.type };
    }

    /** What a name denotes where it is written: a local binding's type, a declared type, or `config`. */
    denoteName(name: string, context: AstNode, target?: AstNode, depth = 0): Denoted | undefined {
        if (name === 'config') {
            return { kind: 'config', module: AstUtils.findRootNode(context) as ast.Module };
        }
        const binding = target ?? this.localBinding(name, context);
        if (binding && !isTypeDecl(binding)) {
            const type = this.bindings.get(binding, () => this.typeOfBinding(binding, depth + 1) ?? null) ?? undefined;
            if (type) {
                return type;
            }
        }
        if (/^[A-Z]/.test(localName(name))) {
            const type = isTypeDecl(binding) ? binding : this.findType(name, context);
            return type && { kind: 'type', type };
        }
        return this.byConvention(name, context);
    }

    /** The naming convention: `order` is an Order, `line_item` a LineItem, `orders` a collection of Order. */
    private byConvention(name: string, context: AstNode): Denoted | undefined {
        const module = AstUtils.findRootNode(context) as ast.Module;
        let byName = this.conventions.get(module);
        if (!byName) {
            this.conventions.set(module, byName = new Map());
        }
        let denoted = byName.get(name);
        if (denoted === undefined) {
            byName.set(name, denoted = this.byConventionOnce(name, context) ?? null);
        }
        return denoted ?? undefined;
    }

    private byConventionOnce(name: string, context: AstNode): Denoted | undefined {
        const pascal = name.split('_').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('');
        const type = this.findType(pascal, context) ?? (pascal.endsWith('s') ? this.findType(pascal.slice(0, -1), context) : undefined);
        return type && !ast.isEnumDecl(type) ? { kind: 'instance', type } : undefined;
    }

    /** A named local (trigger binding, let, for variable, surface binding) visible at `context`. */
    localBinding(name: string, context: AstNode): AstNode | undefined {
        const symbols = AstUtils.getDocument(context).localSymbols;
        for (let node: AstNode | undefined = context; node && symbols; node = node.$container) {
            if (!symbols.has(node)) {
                continue;
            }
            const found = symbols instanceof MultiMap ? symbols.get(node).find(d => d.name === name) : symbols.getStream(node).find(d => d.name === name);
            if (found?.node) {
                return found.node;
            }
        }
        return undefined;
    }

    private typeOfBinding(binding: AstNode, depth: number): Denoted | undefined {
        if (ast.isTriggerBinding(binding)) {
            const subject = leftmostName(binding.$container.expr);
            const type = subject && this.findType(subject.ref.$refText, binding);
            return type && { kind: 'instance', type };
        }
        if (ast.isBindingClause(binding) || ast.isTypedParam(binding) || ast.isAssignment(binding) || ast.isParamAssignment(binding)) {
            const value = ast.isTypedParam(binding) ? binding.type : binding.value;
            const type = this.typeOfValue(value, binding, depth);
            return type && { kind: 'instance', type: type.type };
        }
        if (ast.isLetItem(binding) || ast.isLetExpr(binding)) {
            return this.denote(binding.value, depth);
        }
        if (ast.isLoopVar(binding)) {
            const loop = binding.$container.$container;
            return ast.isForBlock(loop) || ast.isForExpr(loop) ? this.denoteElement(loop.collection, depth) : undefined;
        }
        if (ast.isNameRef(binding) && ast.isCallArg(binding.$container)) {
            return this.denoteTriggerParameter(binding, depth);
        }
        return undefined;
    }

    /** The element of a collection: `batch.items` typed `List<Item>`, `Orders` (all Order). */
    denoteElement(collection: AstNode | undefined, depth = 0): Denoted | undefined {
        if (ast.isMemberAccess(collection)) {
            const receiver = this.denote(collection.receiver, depth + 1);
            const field = receiver && receiver.kind !== 'config' ? this.field(receiver.type, collection.member.$refText) : undefined;
            const type = field && this.typeOfValue(field.value, collection, depth + 1);
            return type && { kind: 'instance', type: type.type };
        }
        if (ast.isNameRef(collection)) {
            const name = collection.ref.$refText;
            const denoted = this.denoteName(name, collection, collection.ref.ref, depth + 1);
            if (denoted?.kind === 'type') {
                return { kind: 'instance', type: denoted.type };
            }
            const single = name.endsWith('s') ? this.findType(name.slice(0, -1), collection) : undefined;
            return single ? { kind: 'instance', type: single } : denoted;
        }
        return this.denote(collection, depth + 1);
    }

    /**
     * `when: PayOrder(order)`: the type a surface gives the same argument where it provides `PayOrder(order)`,
     * else the naming convention, else the one type that has every field the rule reads or sets on it.
     */
    private denoteTriggerParameter(parameter: ast.NameRef, depth: number): Denoted | undefined {
        return this.parameters.get(parameter, () => this.denoteTriggerParameterOnce(parameter, depth) ?? null) ?? undefined;
    }

    private denoteTriggerParameterOnce(parameter: ast.NameRef, depth: number): Denoted | undefined {
        const call = parameter.$container.$container as ast.Call;
        const index = call.args.indexOf(parameter.$container as ast.CallArg);
        const event = ast.isNameRef(call.callee) ? call.callee.ref.$refText : undefined;
        const module = AstUtils.findRootNode(parameter) as ast.Module;
        for (const provided of (event && callsInSurfaces(module).get(event)) || []) {
            const argument = provided.args[index]?.value;
            const denoted = argument && this.denote(argument, depth + 1);
            if (denoted) {
                return denoted;
            }
        }
        return this.byConvention(parameter.ref.$refText, parameter) ?? this.byShape(parameter);
    }

    /**
     * The only type declaring every member the enclosing rule uses on `parameter` (`item.status`, `item.attempts`),
     * among the types of the rule's file and the files it imports: a file elsewhere in the folder says nothing of it.
     */
    private byShape(parameter: ast.NameRef): Denoted | undefined {
        const rule = AstUtils.getContainerOfType(parameter, ast.isRuleDecl);
        const members = (rule && membersUsed(rule).get(parameter.ref.$refText)) ?? new Set<string>();
        const module = AstUtils.findRootNode(parameter) as ast.Module;
        const shapes = this.typesByShape.get(module, () => new Map());
        const shape = [...members].join(' ');
        let type = shapes.get(shape);
        if (type === undefined) {
            type = this.narrowedByMembers(module, members) ?? null;
            shapes.set(shape, type);
        }
        return type ? { kind: 'instance', type } : undefined;
    }

    /** The one type of those `module` sees that declares the members, in order of use, up to the first that leaves one. */
    private narrowedByMembers(module: ast.Module, members: Set<string>): Structured | undefined {
        const index = this.typesByField.get(module, () => this.indexTypesByField(module));
        let candidates: Structured[] | undefined;
        for (const member of members) {
            const declaring = index.get(member) ?? new Set<Structured>();
            candidates = candidates ? candidates.filter(c => declaring.has(c)) : [...declaring];
            if (candidates.length <= 1) {
                break;
            }
        }
        return candidates?.length === 1 ? candidates[0] : undefined;
    }

    /** For each field name, the types of `module` and of the modules it imports that declare it. */
    private indexTypesByField(module: ast.Module): Map<string, Set<Structured>> {
        const index = new Map<string, Set<Structured>>();
        const imported = module.declarations.filter(ast.isUseDecl).map(use => this.importedModule(use));
        for (const seen of new Set([module, ...imported])) {
            for (const type of seen?.declarations?.filter(isStructured) ?? []) {
                for (const field of this.fieldsOf(type)) {
                    const declaring = index.get(field.name);
                    if (declaring) {
                        declaring.add(type);
                    } else {
                        index.set(field.name, new Set([type]));
                    }
                }
            }
        }
        return index;
    }

    /** A type declared in the same file, imported by `alias/Name`, or declared anywhere in the workspace. */
    findType(name: string | undefined, context: AstNode): TypeDecl | undefined {
        if (!name) {
            return undefined;
        }
        const module = AstUtils.findRootNode(context) as ast.Module;
        if (name.includes('/')) {
            const [alias, local] = name.split('/');
            const use = module.declarations.filter(ast.isUseDecl).find(u => u.name === alias);
            const imported = use && this.importedModule(use);
            return imported && typeIn(imported, local);
        }
        return typeIn(module, name) ?? this.typesByName.get('all', () => this.indexTypesByName()).get(name);
    }

    /** The first declaration of each type name across the workspace. */
    private indexTypesByName(): Map<string, TypeDecl> {
        const index = new Map<string, TypeDecl>();
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            for (const declaration of (document.parseResult.value as ast.Module).declarations ?? []) {
                if (isTypeDecl(declaration) && !index.has(declaration.name)) {
                    index.set(declaration.name, declaration);
                }
            }
        }
        return index;
    }

    /** The field whose name is written at `cst`: `status` in `order.status`, in `Order.created(status: ...)` or `transitions status`. */
    fieldNamedAt(cst: CstNode): Field | undefined {
        const node = cst.astNode;
        const owner = node.$cstNode;
        if (ast.isMemberAccess(node) && owner && within(cst, GrammarUtils.findNodeForProperty(owner, 'member'))) {
            const receiver = this.denote(node.receiver);
            return receiver?.kind === 'config'
                ? this.configParameters(receiver.module).find(p => p.name === node.member.$refText)
                : receiver && this.field(receiver.type, node.member.$refText);
        }
        if (ast.isCallArg(node) && node.name && owner && within(cst, GrammarUtils.findNodeForProperty(owner, 'name')) && ast.isMemberAccess(node.$container.callee)
            && node.$container.callee.member.$refText === 'created') {
            const entity = this.denote(node.$container.callee.receiver);
            return entity?.kind === 'type' ? this.field(entity.type, node.name) : undefined;
        }
        if (ast.isTransitionsBlock(node) && owner && within(cst, GrammarUtils.findNodeForProperty(owner, 'field')) && isStructured(node.$container)) {
            return this.field(node.$container, node.field);
        }
        return undefined;
    }

    /** Config parameters of the file and of the files it imports. */
    configParameters(module: ast.Module): Field[] {
        return module.declarations.filter(ast.isConfigDecl).flatMap(c => c.items.filter(isField));
    }

    importedModule(use: ast.UseDecl): ast.Module | undefined {
        return importedDocument(this.services, use)?.parseResult.value as ast.Module | undefined;
    }
}

/** The calls written in a module's surfaces (`provides: PayOrder(order)`), by the name called. */
const callsInSurfaces = treeMemo((module: ast.Module) => {
    const calls = new Map<string, ast.Call[]>();
    for (const surface of module.declarations.filter(ast.isSurfaceDecl)) {
        for (const call of nodesOf(surface).filter(ast.isCall)) {
            if (ast.isNameRef(call.callee)) {
                calls.set(call.callee.ref.$refText, [...calls.get(call.callee.ref.$refText) ?? [], call]);
            }
        }
    }
    return calls;
});

/** For each name in a rule, the members it reads or sets on it (`item.status`), in order of first use. */
const membersUsed = treeMemo((rule: ast.RuleDecl) => {
    const used = new Map<string, Set<string>>();
    for (const access of nodesOf(rule).filter(ast.isMemberAccess)) {
        if (ast.isNameRef(access.receiver) && access.member.$refText !== 'created') {
            const name = access.receiver.ref.$refText;
            const members = used.get(name);
            if (members) {
                members.add(access.member.$refText);
            } else {
                used.set(name, new Set([access.member.$refText]));
            }
        }
    }
    return used;
});
