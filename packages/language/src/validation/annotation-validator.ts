import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';

const KINDS = new Set(['guidance', 'invariant', 'guarantee']);
const COLON_FORMS = new Set(['guidance', 'guarantee', 'invariant']);

/**
 * The form of an annotation, which the reference checker's parser enforces (so these are syntax errors):
 * a known kind, a PascalCase name on `@invariant` and `@guarantee` and none on `@guidance`, and prose after it.
 */
export function checkAnnotation(annotation: ast.Annotation, accept: ValidationAcceptor): void {
    const kind = annotation.kind;
    if (!KINDS.has(kind)) {
        accept('error', `Unknown annotation '@${kind}'. Use '@invariant Name', '@guarantee Name' or '@guidance'.`,
            { node: annotation, property: 'kind', code: IssueCodes.Syntax });
        return;
    }
    if (kind === 'guidance' && annotation.name !== undefined) {
        accept('error', `'@guidance' takes no name. Remove '${annotation.name}'.`, { node: annotation, property: 'name', code: IssueCodes.Syntax });
        return;
    }
    if (kind !== 'guidance' && annotation.name === undefined) {
        accept('error', `'@${kind}' needs a PascalCase name: '@${kind} Name'.`, { node: annotation, property: 'kind', code: IssueCodes.Syntax });
        return;
    }
    if (annotation.name !== undefined && !/^[A-Z]/.test(annotation.name)) {
        accept('error', `Annotation names are PascalCase: write '${annotation.name.charAt(0).toUpperCase()}${annotation.name.slice(1)}'.`,
            { node: annotation, property: 'name', code: IssueCodes.Syntax });
        return;
    }
    if (annotation.prose.length === 0) {
        accept('error', `'@${kind}' must be followed by at least one indented '--' comment line holding its prose.`,
            { node: annotation, property: annotation.name !== undefined ? 'name' : 'kind', code: IssueCodes.Syntax });
    }
}

/** `guidance: ...`, `guarantee: ...` and `invariant: ...` are the v1 forms of the annotations. */
export function checkColonFormAnnotation(item: ast.Assignment, accept: ValidationAcceptor): void {
    if (COLON_FORMS.has(item.name) && !ast.isModule(item.$container) && item.$container !== undefined && !ast.isConfigDecl(item.$container)) {
        accept('error', `'${item.name}:' was replaced by '@${item.name}'. Write '@${item.name}${item.name === 'guidance' ? '' : ' Name'}' followed by indented '--' comment lines.`,
            { node: item, property: 'name', code: IssueCodes.Syntax });
    }
}

const NONE: ReadonlySet<string> = new Set();

/** The language reference's surface template puts `related:` and `timeout:` after the surface's annotations. */
export const SURFACE_TRAILING_CLAUSES: ReadonlySet<string> = new Set(['related', 'timeout']);

/**
 * Where annotations go: after a construct's structural clauses (but the `trailing` ones), `@invariant` and
 * `@guarantee` in any order, and `@guidance` last of all, so an implementer reads the rules before the advice.
 */
export function checkAnnotationPlacement(items: ast.BlockItem[], accept: ValidationAcceptor, trailing: ReadonlySet<string> = NONE): void {
    let seenAnnotation = false;
    let seenGuidance = false;
    for (const item of items) {
        if (ast.isAnnotation(item)) {
            if (seenGuidance) {
                accept('warning', `'@${item.kind}' comes after '@guidance', which must be the last item of its construct. Move '@guidance' to the end.`,
                    { node: item, property: 'kind', code: IssueCodes.AnnotationPlacement });
            }
            seenAnnotation = true;
            seenGuidance ||= item.kind === 'guidance';
        } else if (seenAnnotation && !ast.isStray(item) && !ast.isOpenQuestion(item) && !(ast.isAssignment(item) && trailing.has(item.name))) {
            accept('warning', `Structural items go before the annotations of a construct. Move this above the first annotation.`,
                { node: item, code: IssueCodes.AnnotationPlacement });
            return;
        }
    }
}
