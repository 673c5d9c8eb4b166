import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { referencesOf } from '../ast-nodes.js';
import { overBudget } from '../document-budget.js';

/** Langium's linker, walking the listed references instead of awaiting once per AST node; a file over the budget is not linked. */
export class AlliumLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (overBudget(document)) {
            return;
        }
        let visited = 0;
        for (const reference of referencesOf(document.parseResult.value)) {
            if (++visited % 1000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            this.doLink(reference, document);
        }
    }
}
