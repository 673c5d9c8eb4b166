import { AstUtils, Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import * as ast from '../generated/ast.js';
import { isImplicitDeclaration } from './name-provider.js';
import { nodesOf } from '../ast-nodes.js';
import { overBudget } from '../document-budget.js';

/**
 * Where Allium's local names are visible: a `given` binding in the whole module, a `for` variable in its loop,
 * a trigger's bindings and parameters in the whole rule, a lambda parameter in its lambda; everything else in its
 * container, as Langium does. A file over the budget is not linked, so its local names are not collected.
 */
export class AlliumScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        if (overBudget(document)) {
            return symbols;
        }
        let visited = 0;
        const nodes = nodesOf(document.parseResult.value);
        // The root declares nothing; checking for cancellation per node costs more than the work itself on large specs.
        for (let i = 1; i < nodes.length; i++) {
            if (++visited % 2000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.addLocalSymbol(nodes[i], document, symbols);
        }
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        // The name first: most nodes have none, and where a name is visible takes more tests.
        const name = this.nameProvider.getName(node);
        const scope = name && visibleIn(node);
        if (scope) {
            symbols.add(scope, this.descriptions.createDescription(node, name, document));
        }
    }
}

function visibleIn(node: AstNode): AstNode | undefined {
    if (ast.isGivenDecl(node.$container)) {
        // `given { ledger: Ledger }` binds names for every rule of the module.
        return node.$container.$container;
    }
    if (ast.isLoopVar(node)) {
        return node.$container?.$container;
    }
    if (ast.isTriggerBinding(node) || (ast.isNameRef(node) && isImplicitDeclaration(node) && !ast.isLambda(node.$container))) {
        return AstUtils.getContainerOfType(node, ast.isRuleDecl) ?? node.$container;
    }
    return node.$container;
}
