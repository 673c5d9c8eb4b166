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
    const flow = new ast.TriggerFlow(services, modules.map(m => m.module));
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
    const triggerNode = (trigger: ast.TriggerRef): string => {
        const id = `trigger:${nameOf.get(trigger.moduleUri) ?? trigger.moduleUri}::${trigger.name}`;
        if (!nodes.has(id)) {
            // A trigger has no declaration of its own: it is where its rules listen, else where it is first provided or emitted.
            const written = flow.listeners.get(trigger.key)[0] ?? flow.providers.get(trigger.key)[0] ?? flow.emitters.get(trigger.key)[0];
            nodes.set(id, { id, label: trigger.name, kind: 'trigger', detail: several ? nameOf.get(trigger.moduleUri) : undefined, target: targetOf(written?.node) });
        }
        return id;
    };
    const connect = (from: string, to: string, kind: EdgeKind, written: ast.TriggerUse['node'] | undefined) => {
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
    for (const key of flow.triggers.keys()) {
        for (const use of flow.providers.get(key)) {
            connect(declarationNode(use.declaration), triggerNode(use.trigger), 'provides', use.node);
        }
        for (const use of flow.listeners.get(key)) {
            connect(triggerNode(use.trigger), declarationNode(use.declaration), 'triggers', use.node);
        }
        for (const use of flow.emitters.get(key)) {
            connect(declarationNode(use.declaration), triggerNode(use.trigger), 'emits', use.node);
        }
    }
    for (const condition of flow.conditions) {
        const text = (condition.expression.$cstNode?.text ?? '').replace(/\s+/g, ' ');
        const rule = declarationNode(condition.rule);
        const id = `condition:${rule}`;
        nodes.set(id, {
            id, kind: 'condition', target: targetOf(condition.clause),
            label: text.length > CONDITION_LABEL_LENGTH ? `${text.slice(0, CONDITION_LABEL_LENGTH - 1)}…` : text
        });
        connect(id, rule, 'triggers', condition.expression);
    }
    return { id: 'flow', title: several ? `Event flow: ${modules.filter(m => m.inSet).map(m => m.name).join(', ')}` : `Event flow: ${modules[0]?.name ?? ''}`, nodes: [...nodes.values()], edges: [...edges.values()] };
}
