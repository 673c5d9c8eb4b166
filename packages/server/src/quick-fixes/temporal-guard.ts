import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { SpecTypes } from '@allium/language';
import { isTemporalComparison, pipeNames } from '@allium/language';
import { indentOf, insertAt, quickFix, safe } from './edits.js';


/**
 * A temporal trigger (`when: invitation: Invitation.expires_at <= now`) stays true once it has fired, so the
 * language reference asks for a `requires:` that stops it firing again. The guard is read off the rule itself: the
 * value its ensures gives the bound entity (`requires: invitation.status != expired`), or else the entity's
 * non-terminal states. With neither, there is no guard worth proposing.
 */
export function temporalGuardFix(document: LangiumDocument, offset: number, types: SpecTypes, diagnostic?: Diagnostic): CodeAction | undefined {
    const module = document.parseResult.value as ast.Module;
    const rule = module.declarations.find((d): d is ast.RuleDecl => ast.isRuleDecl(d) && d.$cstNode !== undefined && d.$cstNode.offset <= offset && offset <= d.$cstNode.end);
    const clause = rule?.items.find(ast.isTriggerClause);
    const trigger = clause?.trigger;
    const binding = trigger?.binding?.name;
    if (!rule || !clause?.$cstNode || !trigger?.binding || !binding || !isTemporalComparison(trigger.expr) || rule.items.some(i => ast.isAssignment(i) && i.name === 'requires')) {
        return undefined;
    }
    const guard = fromEnsures(rule, binding) ?? fromLifecycle(trigger.binding, types);
    if (!guard) {
        return undefined;
    }
    return safe(quickFix(`Add 'requires: ${guard}' so '${rule.name}' fires once`, rule,
        [insertAt(clause.$cstNode.range.end, `\n${indentOf(clause)}requires: ${guard}`)], diagnostic, true));
}

/** `ensures: x.status = expired` gives `x.status != expired`: once set, the rule no longer applies. */
function fromEnsures(rule: ast.RuleDecl, binding: string): string | undefined {
    for (const ensures of rule.items.filter((i): i is ast.Assignment => ast.isAssignment(i) && i.name === 'ensures')) {
        const assignment = AstUtils.streamAst(ensures).filter(ast.isBinaryExpr).find(e => e.operator === '=' && ast.isMemberAccess(e.left)
            && ast.isNameRef(e.left.receiver) && e.left.receiver.ref.$refText === binding && (ast.isNameRef(e.right) || ast.isBooleanLiteral(e.right)));
        if (assignment) {
            return `${assignment.left.$cstNode!.text} != ${assignment.right.$cstNode!.text}`;
        }
    }
    return undefined;
}

/** An entity whose `transitions` declare terminal states: the rule applies while the entity is not in one. */
function fromLifecycle(binding: ast.TriggerBinding, types: SpecTypes): string | undefined {
    const denoted = types.denoteName(binding.name, binding);
    const entity = denoted && denoted.kind !== 'config' && ast.isEntityDecl(denoted.type) ? denoted.type : undefined;
    const graph = entity?.items.filter(ast.isTransitionsBlock).find(t => t.field === 'status');
    const status = entity && types.field(entity, 'status');
    const terminals = graph?.terminals.map(t => t.name) ?? [];
    const live = status && terminals.length > 0 ? pipeNames(ast.isWhenGuard(status.value) ? status.value.action : status.value).filter(v => !terminals.includes(v)) : [];
    return live.length > 0 ? `${binding.name}.status in { ${live.join(', ')} }` : undefined;
}
