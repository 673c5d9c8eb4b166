/** Set by the bundler: the specs of examples/orders, parsed when the start-up snapshot is built (see main.ts). */
declare const ALLIUM_WARM_UP_SPECS: string[] | undefined;

/** Specs that reach most decisions of the grammar, so that the snapshot's parser has predicted them once. */
export const WARM_UP_SPECS: readonly string[] = typeof ALLIUM_WARM_UP_SPECS === 'undefined' ? [] : ALLIUM_WARM_UP_SPECS;
