import type { TokenType } from 'chevrotain';
import type { LangiumParser } from 'langium';

/**
 * The follow sets Chevrotain's error recovery re-synchronises on, by token name: a pure function of the grammar, which
 * `npm run build` records once (esbuild.mjs) and gives the bundles, so that their parsers need not compute it.
 */
export type FollowTable = Record<string, string[]>;

/** The parts of Langium's private Chevrotain parser that hold the follow sets. */
interface Recovery {
    recoveryEnabled: boolean;
    resyncFollows: Record<string, TokenType[]>;
    tokensMap: Record<string, TokenType>;
}

function recoveryOf(parser: LangiumParser): Recovery {
    return (parser as unknown as { wrapper: Recovery }).wrapper;
}

/** The follow sets of a finalized parser, by token name. */
export function followTable(parser: LangiumParser): FollowTable {
    return Object.fromEntries(Object.entries(recoveryOf(parser).resyncFollows).map(([key, types]) => [key, types.map(t => t.name)]));
}

/**
 * Finalizes the parser. Chevrotain computes the follow sets during self-analysis whenever recovery is enabled; with a
 * table whose token names the parser knows, recovery is off while it analyses and the table's sets are put in place.
 * The sets are those Chevrotain would compute, and only error recovery reads them.
 */
export function finalizeWithFollows(parser: LangiumParser, table: FollowTable | undefined): void {
    const recovery = recoveryOf(parser);
    const known = table && Object.values(table).every(names => names.every(name => recovery.tokensMap[name] !== undefined));
    if (!known) {
        parser.finalize();
        return;
    }
    recovery.recoveryEnabled = false;
    parser.finalize();
    recovery.recoveryEnabled = true;
    recovery.resyncFollows = Object.fromEntries(Object.entries(table).map(([key, names]) => [key, names.map(name => recovery.tokensMap[name])]));
}
