import { isCompositeCstNode, OperationCancelled, type AstNode, type Cancellation, type CompositeCstNodeImpl, type CstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver-types';
import * as ast from '@allium/language';
import { assignedFeature, isField } from '@allium/language';

const DECLARED = SemanticTokenModifiers.declaration;

/** What a name is coloured as: a semantic token type and its modifiers. */
interface Colour {
    type: string;
    modifier?: string | string[];
}

/**
 * Colours names by what they stand for, which the TextMate grammar cannot know: types apart from fields, enum
 * values, rules, triggers, bindings and config parameters. Keywords, literals and comments stay with TextMate.
 */
export class AlliumSemanticTokenProvider extends AbstractSemanticTokenProvider {
    /**
     * One pass over the CST in document order, each name coloured by the AST node and property it was parsed into.
     * Langium's loop visits every AST node and searches its CST for each property it colours, which on a 20,000-line
     * spec took a few hundred milliseconds. In one go, without yielding: Langium's loop awaits between nodes while the
     * document and token builder being filled live on the provider, so two documents highlighted at once got each
     * other's tokens.
     */
    protected override async computeHighlighting(document: LangiumDocument, accept: SemanticTokenAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        this.highlightElement(document.parseResult.value, accept, cancelToken);
    }

    /** The names in `node` and everything in it, within the requested range if there is one. */
    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor, cancelToken?: Cancellation.CancellationToken): 'prune' {
        const range = this.currentRange;
        const text = this.currentDocument?.textDocument;
        const bounds = range && text ? { start: text.offsetAt(range.start), end: text.offsetAt(range.end) } : undefined;
        for (const child of isCompositeCstNode(node.$cstNode) ? node.$cstNode.content : []) {
            if (cancelToken?.isCancellationRequested) {
                throw OperationCancelled;
            }
            this.highlightCst(child, node, accept, bounds);
        }
        return 'prune';
    }

    /**
     * `cst`, a child in the CST of `owner`, and what it holds. A node parsed into a property of `owner` is the
     * property's token; a node of a nested AST node is searched for that node's own properties. As in Langium's
     * `findNodesForProperty`, the search for `owner` does not enter a node it coloured.
     */
    private highlightCst(cst: CstNode, owner: AstNode, accept: SemanticTokenAcceptor, bounds: { start: number; end: number } | undefined): void {
        if (bounds && (cst.end < bounds.start || cst.offset > bounds.end)) {
            return;
        }
        const feature = assignedFeature(cst);
        const colour = feature && colourOf(owner, feature);
        if (colour) {
            accept({ cst, type: colour.type, modifier: colour.modifier });
        }
        if (isCompositeCstNode(cst)) {
            // A composite without a node of its own belongs to `owner`, the node of the composite holding it: what the
            // `astNode` getter finds by walking up, read without the walk.
            const node = (cst as CompositeCstNodeImpl)['_astNode'] ?? owner;
            if (node !== owner || !colour) {
                for (const child of cst.content) {
                    this.highlightCst(child, node, accept, bounds);
                }
            }
        }
    }
}

/** The properties that hold the names coloured here. */
const COLOURED = new Set(['name', 'base', 'ref', 'member', 'contract']);

/** The constructs whose names are coloured, each tested by its type guard, first match wins. */
const KINDS = {
    type: (n: AstNode) => ast.isEntityDecl(n) || ast.isVariantDecl(n),
    value: ast.isValueDecl,
    enum: ast.isEnumDecl,
    enumMember: (n: AstNode) => ast.isEnumLiteral(n) || ast.isStateName(n),
    interface: (n: AstNode) => ast.isActorDecl(n) || ast.isSurfaceDecl(n) || ast.isContractDecl(n),
    function: (n: AstNode) => ast.isRuleDecl(n) || ast.isInvariantDecl(n) || ast.isEntityInvariant(n),
    // A field is an assignment in a type, config or actor: which `isField` tells by the container, per node.
    field: (n: AstNode) => ast.isAssignment(n) || ast.isParamAssignment(n),
    parameter: (n: AstNode) => ast.isTriggerBinding(n) || ast.isParameter(n) || ast.isTypedParam(n) || ast.isBindingClause(n),
    variable: (n: AstNode) => ast.isLetItem(n) || ast.isLetExpr(n) || ast.isLoopVar(n),
    default: ast.isDefaultDecl,
    use: ast.isUseDecl,
    annotation: ast.isAnnotation,
    nameRef: ast.isNameRef,
    member: ast.isMemberAccess,
    callArg: ast.isCallArg,
    contractEntry: ast.isContractEntry
};
type Kind = keyof typeof KINDS;

/** The kind of each `$type`, worked out on first sight: the type guards walk the type hierarchy on every call. */
const kinds = new Map<string, Kind | undefined>();

function kindOf(node: AstNode): Kind | undefined {
    if (!kinds.has(node.$type)) {
        kinds.set(node.$type, (Object.keys(KINDS) as Kind[]).find(kind => KINDS[kind](node)));
    }
    return kinds.get(node.$type);
}

/** The colour of `property` of `node`, if that property is a name this provider colours. */
function colourOf(node: AstNode, property: string): Colour | undefined {
    if (!COLOURED.has(property)) {
        return undefined;
    }
    const name = (type: string, modifier?: string | string[]): Colour | undefined => property === 'name' ? { type, modifier } : undefined;
    switch (kindOf(node)) {
        case 'type':
            return property === 'base' && ast.isVariantDecl(node) ? { type: SemanticTokenTypes.class } : name(SemanticTokenTypes.class, DECLARED);
        case 'value':
            return name(SemanticTokenTypes.struct, DECLARED);
        case 'enum':
            return name(SemanticTokenTypes.enum, DECLARED);
        case 'enumMember':
            return name(SemanticTokenTypes.enumMember, ast.isEnumLiteral(node) ? DECLARED : []);
        case 'interface':
            return name(SemanticTokenTypes.interface, DECLARED);
        case 'function':
            return name(SemanticTokenTypes.function, DECLARED);
        case 'field':
            return isField(node) ? name(ast.isParamAssignment(node) ? SemanticTokenTypes.method : SemanticTokenTypes.property,
                ast.isConfigDecl(node.$container) ? [DECLARED, SemanticTokenModifiers.readonly] : DECLARED) : undefined;
        case 'parameter':
            return name(SemanticTokenTypes.parameter, DECLARED);
        case 'variable':
            return name(SemanticTokenTypes.variable, DECLARED);
        case 'default':
            return name(SemanticTokenTypes.variable, [DECLARED, SemanticTokenModifiers.readonly]);
        case 'use':
            return (node as ast.UseDecl).name ? name(SemanticTokenTypes.namespace, DECLARED) : undefined;
        case 'annotation':
            return (node as ast.Annotation).name ? name(SemanticTokenTypes.decorator) : undefined;
        case 'nameRef':
            return property === 'ref' ? { type: nameType(node as ast.NameRef) } : undefined;
        case 'member': {
            const access = node as ast.MemberAccess;
            const config = ast.isNameRef(access.receiver) && access.receiver.ref.$refText === 'config';
            return property === 'member' ? { type: access.member.$refText === 'created' ? SemanticTokenTypes.event : SemanticTokenTypes.property, modifier: config ? SemanticTokenModifiers.readonly : [] } : undefined;
        }
        case 'callArg':
            return (node as ast.CallArg).name ? name(SemanticTokenTypes.parameter) : undefined;
        case 'contractEntry':
            return property === 'contract' ? { type: SemanticTokenTypes.interface } : undefined;
        default:
            return undefined;
    }
}

/** A name in an expression, by its target when linked, else by its form: `Order` a type, `ShipOrder(...)` a trigger. */
function nameType(node: ast.NameRef): string {
    const name = node.ref.$refText;
    const call = node.$container;
    if (ast.isCall(call) && call.callee === node && /^[A-Z]/.test(name.slice(name.indexOf('/') + 1))) {
        return SemanticTokenTypes.event;
    }
    const target = node.ref.ref;
    if (ast.isEntityDecl(target) || ast.isVariantDecl(target)) {
        return SemanticTokenTypes.class;
    }
    if (ast.isValueDecl(target)) {
        return SemanticTokenTypes.struct;
    }
    if (ast.isEnumDecl(target)) {
        return SemanticTokenTypes.enum;
    }
    if (ast.isActorDecl(target) || ast.isSurfaceDecl(target) || ast.isContractDecl(target)) {
        return SemanticTokenTypes.interface;
    }
    if (ast.isEnumLiteral(target) || ast.isStateName(target)) {
        return SemanticTokenTypes.enumMember;
    }
    if (target && isField(target)) {
        return SemanticTokenTypes.property;
    }
    if (name === 'config' || ast.isUseDecl(target)) {
        return SemanticTokenTypes.namespace;
    }
    if (/^[A-Z]/.test(name.slice(name.indexOf('/') + 1))) {
        return SemanticTokenTypes.type;
    }
    // Linking takes an inline literal (`order.status = pending`) to its `pending` in the field's `pending | shipped`.
    if ((!target || ast.isNameRef(target)) && isEnumValuePosition(node)) {
        return SemanticTokenTypes.enumMember;
    }
    return ast.isTriggerBinding(target) || ast.isBindingClause(target) || ast.isParameter(target) || ast.isTypedParam(target) || (ast.isNameRef(target) && ast.isCallArg(target.$container))
        ? SemanticTokenTypes.parameter : SemanticTokenTypes.variable;
}

/** `pending | paid` in a field's type, or `pending` compared with a field (`order.status = pending`, `becomes paid`). */
function isEnumValuePosition(node: ast.NameRef): boolean {
    let parent: AstNode | undefined = node.$container;
    while (ast.isSetLiteral(parent)) {
        parent = parent.$container;
    }
    if (!ast.isBinaryExpr(parent)) {
        return false;
    }
    return parent.operator === '|' || (['=', '!=', 'in', 'not in', 'becomes', 'transitions_to'].includes(parent.operator) && ast.isMemberAccess(parent.left));
}
