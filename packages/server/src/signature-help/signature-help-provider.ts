import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { callSiteAt, type CallSite } from './call-site.js';
import { AbstractSignatureHelpProvider } from 'langium/lsp';
import { MarkupKind } from 'vscode-languageserver-types';
import type { ParameterInformation, SignatureHelp, SignatureHelpParams, SignatureInformation } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { WorkspaceTriggerGraph } from '../analysis/workspace-trigger-graph.js';
import { annotationSections, comment } from '../hover/describe.js';

/** A parameter of a signature: its name, what it is written as, and what documents it. */
interface Parameter {
    name: string;
    type?: string;
    documentation?: string;
}

/**
 * Signature help inside `Entity.created(...)` (the fields to give), a trigger call in `ensures:` or `provides:` (the
 * parameters of the rules it fires) and a contract call (`Gateway.authorise(...)`: the operation's parameters),
 * with the parameter under the cursor active.
 */
export class AlliumSignatureHelpProvider extends AbstractSignatureHelpProvider {
    private readonly types: ast.SpecTypes;
    private readonly flow: WorkspaceTriggerGraph;

    constructor(services: AlliumLspServices) {
        super();
        this.types = services.typing.SpecTypes;
        this.flow = services.analysis.TriggerGraph;
    }

    override provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams): SignatureHelp | undefined {
        const root = document.parseResult.value.$cstNode;
        const site = root && callSiteAt(root, document.textDocument.offsetAt(params.position));
        return site && this.helpFor(site);
    }

    protected getSignatureFromElement(element: AstNode): SignatureHelp | undefined {
        const call = AstUtils.getContainerOfType(element, ast.isCall);
        return call && (ast.isNameRef(call.callee) || ast.isMemberAccess(call.callee)) ? this.helpFor({ callee: call.callee, argument: { index: 0 } }) : undefined;
    }

    private helpFor(site: CallSite): SignatureHelp | undefined {
        const signatures = this.signaturesOf(site.callee);
        if (signatures.length === 0) {
            return undefined;
        }
        // A named argument is its parameter wherever it stands; a positional one is its place.
        const named = site.argument.name === undefined ? -1 : signatures[0].parameters.findIndex(p => p.name === site.argument.name);
        return {
            signatures: signatures.map(s => s.information),
            activeSignature: 0,
            activeParameter: named >= 0 ? named : site.argument.index
        };
    }

    private signaturesOf(callee: ast.NameRef | ast.MemberAccess): Array<{ information: SignatureInformation; parameters: Parameter[] }> {
        if (ast.isMemberAccess(callee) && callee.member.$refText === 'created') {
            const entity = this.types.denote(callee.receiver);
            return entity?.kind === 'type' && !ast.isEnumDecl(entity.type) ? [this.creation(entity.type, callee)] : [];
        }
        if (ast.isMemberAccess(callee) && ast.isNameRef(callee.receiver) && ast.isContractDecl(callee.receiver.ref.ref)) {
            const contract = callee.receiver.ref.ref;
            const operation = contract.items.find((i): i is ast.Assignment => ast.isAssignment(i) && i.name === callee.member.$refText);
            return operation ? [this.contractCall(contract, operation, callee.receiver.ref.$refText)] : [];
        }
        // A trigger called from `ensures:` or `provides:`; in `when:` the rule declares its parameters itself.
        const trigger = ast.isNameRef(callee) && !AstUtils.getContainerOfType(callee, ast.isTriggerClause) ? this.flow.graph().triggerKeyOf(callee) : undefined;
        return trigger ? this.flow.graph().listenersOf(trigger).map(rule => this.trigger(rule, (callee as ast.NameRef).ref.$refText)) : [];
    }

    /** `Order.created(customer: Customer, ...)`: the fields a new instance is given, not relationships or derived values. */
    private creation(type: ast.Structured, callee: ast.MemberAccess) {
        const fields = this.types.fieldsOf(type).filter(f => isStored(f.value));
        const parameters = fields.map(f => ({ name: f.name, type: text(ast.isWhenGuard(f.value) ? f.value.action : f.value), documentation: comment(f, AstUtils.getDocument(f)) }));
        return signature(`${callee.receiver.$cstNode?.text ?? type.name}.created`, parameters, '', comment(type, AstUtils.getDocument(type)));
    }

    /** `AuthorisePayment(order_ref, amount)`, as the rule listening to it names its parameters, typed where the spec tells. */
    private trigger(rule: ast.RuleDecl, written: string) {
        const listened = this.flow.graph().usesIn(rule, 'listens')[0];
        const parameters = (ast.isCall(listened?.node) ? listened.node.args : []).map(arg => {
            const name = arg.name ?? (ast.isNameRef(arg.value) ? arg.value.ref.$refText : arg.value?.$cstNode?.text ?? '');
            const denoted = ast.isNameRef(arg.value) ? this.types.denoteName(arg.value.ref.$refText, arg.value, arg.value) : undefined;
            return { name, type: denoted?.kind === 'instance' ? denoted.type.name : undefined };
        });
        const documentation = [`Fires \`rule ${rule.name}\`.`, comment(rule, AstUtils.getDocument(rule)), ...annotationSections(rule)].filter(Boolean).join('\n\n');
        return signature(written, parameters, '', documentation);
    }

    /** `PaymentGateway.authorise(amount: Decimal, reference: String) -> Payment`. */
    private contractCall(contract: ast.ContractDecl, operation: ast.Assignment, written: string) {
        const value = operation.value;
        const list = ast.isProjection(value) ? value.source : value;
        const parameters = ast.isParamList(list) ? list.params.map(p => ({ name: p.name, type: text(p.type) })) : [];
        const result = ast.isProjection(value) ? ` -> ${value.field}` : '';
        const documentation = [comment(operation, AstUtils.getDocument(operation)), ...annotationSections(contract)].filter(Boolean).join('\n\n');
        return signature(`${written}.${operation.name}`, parameters, result, documentation);
    }
}

function signature(callee: string, parameters: Parameter[], suffix: string, documentation: string | undefined) {
    let label = `${callee}(`;
    const information: ParameterInformation[] = parameters.map((p, i) => {
        const start = label.length;
        label += p.type ? `${p.name}: ${p.type}` : p.name;
        const end = label.length;
        label += i < parameters.length - 1 ? ', ' : '';
        return { label: [start, end] as [number, number], documentation: p.documentation && { kind: MarkupKind.Markdown, value: p.documentation } };
    });
    label += ')' + suffix;
    return {
        information: { label, parameters: information, documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined },
        parameters
    };
}

/** A field written as a type (`Customer`, `String?`, `List<Item>`, `pending | paid`, `String when ...`), not a relationship or derived value. */
function isStored(value: AstNode | undefined): boolean {
    if (ast.isWhenGuard(value)) {
        return isStored(value.action);
    }
    return ast.isNameRef(value) || ast.isOptionalType(value) || ast.isGenericType(value) || (ast.isBinaryExpr(value) && value.operator === '|');
}

/** A value as written, on one line. */
function text(node: AstNode | undefined): string | undefined {
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim();
}
