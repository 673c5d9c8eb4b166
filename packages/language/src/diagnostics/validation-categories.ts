import { ValidationCategory } from 'langium';
import type { CatalogueKind } from './catalogue.js';

/**
 * The Langium validation category of the checks the reference `allium check` does not run (catalogue kind
 * `extended`). Langium skips a custom category unless asked, so `allium check` and the editor's reference mode ask
 * for `REFERENCE_CATEGORIES`, and everything else for `ALL_CATEGORIES`.
 */
export const EXTENDED_CATEGORY = 'extended';

export const REFERENCE_CATEGORIES: readonly ValidationCategory[] = ValidationCategory.defaults;

export const ALL_CATEGORIES: readonly ValidationCategory[] = [...ValidationCategory.defaults, EXTENDED_CATEGORY];

/** The category a check reporting codes of this kind is registered in. */
export function categoryOf(kind: CatalogueKind): ValidationCategory {
    return kind === 'extended' ? EXTENDED_CATEGORY : 'fast';
}
