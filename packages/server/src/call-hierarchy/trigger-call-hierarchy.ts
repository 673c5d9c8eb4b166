import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type Stream, type ReferenceDescription } from 'langium';
import { AbstractCallHierarchyProvider } from 'langium/lsp';
import { SymbolKind } from 'vscode-languageserver-types';
import type { CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, CallHierarchyPrepareParams, Range } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { TriggerGraphUse } from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { WorkspaceTriggerGraph } from '../analysis/workspace-trigger-graph.js';

/**
 * Calls in Allium are triggers: a rule is called by the surfaces that provide its trigger and the rules that emit
 * it (or create the entity, or set the field value, it listens to), and calls the rules listening to what it emits.
 * Across files, as `use` joins them; the trigger graph (`@allium/language`'s flow/trigger-graph.ts) says who is who.
 */
export class TriggerCallHierarchyProvider extends AbstractCallHierarchyProvider {
    private readonly flow: WorkspaceTriggerGraph;

    constructor(services: AlliumLspServices) {
        super(services);
        this.flow = services.analysis.TriggerGraph;
    }

    /** On a rule's or surface's name, that declaration; on a trigger where it is called or listened to, the rules it fires. */
    override prepareCallHierarchy(document: LangiumDocument, params: CallHierarchyPrepareParams): CallHierarchyItem[] | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        if (!leaf) {
            return undefined;
        }
        const use = this.flow.graph().useAt(leaf.astNode);
        if (use) {
            const rules = this.flow.graph().listenersOf(use.key);
            return rules.length > 0 ? rules.flatMap(rule => this.itemOf(rule)) : undefined;
        }
        const node = leaf.astNode;
        if ((ast.isRuleDecl(node) || ast.isSurfaceDecl(node)) && ast.within(leaf, this.nameProvider.getNameNode(node))) {
            return this.itemOf(node);
        }
        return undefined;
    }

    protected override getCallHierarchyItem(node: AstNode): Partial<CallHierarchyItem> | undefined {
        const trigger = ast.isRuleDecl(node) ? this.flow.graph().usesIn(node, 'listens')[0] : undefined;
        return {
            kind: ast.isSurfaceDecl(node) ? SymbolKind.Interface : SymbolKind.Function,
            detail: [ast.isSurfaceDecl(node) ? 'surface' : 'rule', trigger && `when ${trigger.name}`, fileName(node)].filter(Boolean).join(' · ')
        };
    }

    /** The surfaces providing and the rules emitting the triggers `node` listens to. */
    protected getIncomingCalls(node: AstNode, _references: Stream<ReferenceDescription>): CallHierarchyIncomingCall[] | undefined {
        const graph = this.flow.graph();
        const callers = graph.usesIn(node, 'listens').flatMap(listened => graph.usesOf(listened.key).filter(u => u.role !== 'listens'));
        return grouped(callers, use => use.declaration).flatMap(([caller, uses]) => this.itemOf(caller).map(from => ({ from, fromRanges: uses.map(rangeOf) })));
    }

    /** The rules listening to the triggers `node` emits (a rule) or provides (a surface). */
    protected getOutgoingCalls(node: AstNode): CallHierarchyOutgoingCall[] | undefined {
        const graph = this.flow.graph();
        const calls = graph.usesIn(node).filter(u => u.role !== 'listens')
            .flatMap(use => graph.listenersOf(use.key).map(rule => ({ rule, use })));
        return grouped(calls, c => c.rule).flatMap(([rule, found]) => this.itemOf(rule).map(to => ({ to, fromRanges: found.map(c => rangeOf(c.use)) })));
    }

    private itemOf(node: AstNode): CallHierarchyItem[] {
        return this.getCallHierarchyItems(node, AstUtils.getDocument(node)) ?? [];
    }
}

function rangeOf(use: TriggerGraphUse): Range {
    return use.at.range;
}

function fileName(node: AstNode): string {
    return AstUtils.getDocument(node).uri.path.split('/').pop() ?? '';
}

/** Items grouped by a key, in the order their keys first occur. */
function grouped<T, K>(items: T[], key: (item: T) => K): Array<[K, T[]]> {
    const groups = new Map<K, T[]>();
    for (const item of items) {
        groups.set(key(item), [...groups.get(key(item)) ?? [], item]);
    }
    return [...groups];
}
