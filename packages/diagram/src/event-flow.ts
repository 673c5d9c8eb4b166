import { AstUtils } from 'langium';
import * as ast from '@allium/language';
import type { DiagramEdge, DiagramGroup, DiagramModule, DiagramNode, EdgeKind } from './diagram-model.js';
import { targetOf } from './targets.js';

const CONDITION_LABEL_LENGTH = 48;

/**
 * The event flow of a spec set, across `use`: surfaces -> the triggers they provide -> the rules listening ->
 * the triggers those rules emit -> the rules listening to them. Rules whose `when:` is a condition (temporal, a
 * state change, a creation) start from that condition.
 */
export function eventFlow(services: ast.AlliumServices, modules: readonly DiagramModule[]): DiagramGroup {
    const graph = ast.triggerGraph(services, modules.map(m => m.module));
    const external = graph.uses.filter(u => u.kind === 'external');
    const nameOf = new Map(modules.map(m => [m.uri, m.name]));
    const several = modules.length > 1;
    const moduleOf = (node: ast.RuleDecl | ast.SurfaceDecl) => nameOf.get(AstUtils.getDocument(node).uri.toString()) ?? '';
    const nodes = new Map<string, DiagramNode>();
    const edges = new Map<string, DiagramEdge>();
    const declarationNode = (declaration: ast.RuleDecl | ast.SurfaceDecl): string => {
        const kind = ast.isRuleDecl(declaration) ? 'rule' : 'surface';
        const id = `${kind}:${moduleOf(declaration)}::${declaration.name}`;
        if (!nodes.has(id)) {
            nodes.set(id, { id, label: declaration.name, kind, detail: several ? moduleOf(declaration) : undefined, target: targetOf(declaration, 'name') });
        }
        return id;
    };
    // A trigger has no declaration of its own: it is drawn where its rules listen, else where it is first provided or emitted.
    const written = (key: string) => graph.usesOf(key, 'listens')[0] ?? graph.usesOf(key, 'provides')[0] ?? graph.usesOf(key, 'emits')[0];
    const triggerNode = (key: string): string => {
        const use = written(key);
        const home = use.home ?? '';
        const id = `trigger:${nameOf.get(home) ?? home}::${use.name}`;
        if (!nodes.has(id)) {
            nodes.set(id, { id, label: use.name, kind: 'trigger', detail: several ? nameOf.get(home) : undefined, target: targetOf(use.node) });
        }
        return id;
    };
    const connect = (from: string, to: string, kind: EdgeKind, written: ast.TriggerGraphUse['node'] | undefined) => {
        const id = `${from}->${to}`;
        if (!edges.has(id)) {
            edges.set(id, { id, from, to, kind, labels: [], target: targetOf(written) });
        }
    };
    // Every rule and surface of the set is drawn, connected or not: an unprovided trigger or a rule nothing fires is worth seeing.
    for (const spec of modules) {
        for (const declaration of spec.module.declarations) {
            if (ast.isRuleDecl(declaration) || ast.isSurfaceDecl(declaration)) {
                declarationNode(declaration);
            }
        }
    }
    for (const key of new Set(external.map(u => u.key))) {
        for (const use of graph.usesOf(key, 'provides')) {
            connect(declarationNode(use.declaration), triggerNode(key), 'provides', use.node);
        }
        for (const use of graph.usesOf(key, 'listens')) {
            connect(triggerNode(key), declarationNode(use.declaration), 'triggers', use.node);
        }
        for (const use of graph.usesOf(key, 'emits')) {
            connect(declarationNode(use.declaration), triggerNode(key), 'emits', use.node);
        }
    }
    // A rule whose `when:` is no external trigger (a temporal condition, a state change, a creation) starts from it.
    const listening = new Set(external.filter(u => u.role === 'listens').map(u => u.node));
    for (const spec of modules) {
        for (const rule of spec.module.declarations.filter(ast.isRuleDecl)) {
            for (const clause of rule.items.filter(ast.isTriggerClause)) {
                const expression = clause.trigger?.expr;
                if (expression && !listening.has(expression)) {
                    const text = (expression.$cstNode?.text ?? '').replace(/\s+/g, ' ');
                    const id = `condition:${declarationNode(rule)}`;
                    nodes.set(id, {
                        id, kind: 'condition', target: targetOf(clause),
                        label: text.length > CONDITION_LABEL_LENGTH ? `${text.slice(0, CONDITION_LABEL_LENGTH - 1)}…` : text
                    });
                    connect(id, declarationNode(rule), 'triggers', expression);
                }
            }
        }
    }
    return { id: 'flow', title: several ? `Event flow: ${modules.filter(m => m.inSet).map(m => m.name).join(', ')}` : `Event flow: ${modules[0]?.name ?? ''}`, nodes: [...nodes.values()], edges: [...edges.values()] };
}
