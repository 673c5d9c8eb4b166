import type { ValidationAcceptor } from 'langium';
import { isModule, isStrayBlock, type Stray } from '../generated/ast.js';
import { IssueCodes } from '../diagnostics/catalogue.js';
import { operatorHint } from '../operator-hints.js';

const DECLARATION = 'a declaration (entity, rule, enum, value, config, surface, actor, given, default, variant, deferred, use, open question, contract, invariant)';
const BLOCK_ITEM = 'a block item (name: value, let name = value, when:/requires:/ensures: clause, for ... in ...:, if ...:, @guidance, or open question)';

/** Reports the tokens the parser skipped because no construct can start with them. */
export function checkStray(stray: Stray, accept: ValidationAcceptor): void {
    if (isStrayBlock(stray)) {
        // The stray colon opening the block is reported.
        return;
    }
    if (stray.token.startsWith('--')) {
        // Prose of a misplaced annotation: the annotation itself is reported.
        return;
    }
    accept('error', strayMessage(stray), { node: stray, code: IssueCodes.Syntax });
}

export function strayMessage(stray: Stray): string {
    const expected = isModule(stray.$container) ? DECLARATION : BLOCK_ITEM;
    const cst = stray.$cstNode;
    const hint = cst ? operatorHint(cst.root.fullText, cst.offset) : undefined;
    return hint ?? `Expected ${expected}, found ${describe(stray.token)}.`;
}

function describe(token: string): string {
    if (token === '') {
        return 'an indented block';
    }
    return `'${token}'`;
}
