import { CstUtils, type AstNode, type CstNode } from 'langium';
import * as ast from '@allium/language';

/** A call the cursor is in: what is called, and the argument being written (its place, and its name if it has one). */
export interface CallSite {
    callee: ast.NameRef | ast.MemberAccess;
    argument: { index: number; name?: string };
}

const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
// How far back an open parenthesis is looked for: far more than any argument list.
const MAX_TOKENS = 2000;

/**
 * The call whose parentheses hold `offset`, read from the tokens rather than the syntax tree: while a call is being
 * typed (`Order.created(customer: c, `) the parser keeps no call at all, yet the callee's name is linked.
 */
export function callSiteAt(root: CstNode, offset: number): CallSite | undefined {
    const leaves = CstUtils.flattenCst(root).filter(l => !l.hidden && l.length > 0).toArray();
    let last = leaves.length - 1;
    while (last >= 0 && leaves[last].end > offset) {
        last--;
    }
    const stack: string[] = [];
    let commas = 0;
    let name: string | undefined;
    for (let i = last; i >= 0 && i > last - MAX_TOKENS; i--) {
        const text = leaves[i].text;
        if (CLOSING[text]) {
            stack.push(CLOSING[text]);
        } else if (text === '(' || text === '[' || text === '{') {
            if (stack.length > 0) {
                stack.pop();
                continue;
            }
            return text === '(' && i > 0 ? site(leaves[i - 1], commas, name) : undefined;
        } else if (stack.length === 0 && text === ',') {
            commas++;
        } else if (stack.length === 0 && text === ':' && commas === 0 && name === undefined && i > 0) {
            name = leaves[i - 1].text;
        }
    }
    return undefined;
}

function site(calleeLeaf: CstNode, commas: number, name: string | undefined): CallSite | undefined {
    const callee: AstNode = calleeLeaf.astNode;
    return ast.isNameRef(callee) || ast.isMemberAccess(callee) ? { callee, argument: { index: commas, name } } : undefined;
}
