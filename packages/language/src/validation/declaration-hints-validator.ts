import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, type LangiumCoreServices, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { allNodes, blocks, identName } from '../ast/ast-views.js';
import { usePathTarget } from '../scoping/imports.js';

/** An external entity with no `use` import in the module has no visible governing specification. */
export function checkExternalEntitySources(module: ast.Module, accept: ValidationAcceptor): void {
    if (module.declarations.some(ast.isUseDecl)) {
        return;
    }
    const rules = blocks(module, ast.isRuleDecl);
    for (const entity of blocks(module, ast.isEntityDecl).filter(e => e.external)) {
        const usedByRule = rules.some(rule => allNodes(rule.items).some(n => identName(n) === entity.name));
        accept(usedByRule ? 'info' : 'warning', `External entity '${entity.name}' has no obvious governing specification import in this module. Add a 'use' of the spec that governs it.`,
            { node: entity, property: 'name', code: IssueCodes.ExternalEntityMissingSourceHint });
    }
}

/** `deferred X.y` should say where the detail lives: a quoted path, a URL or a `-- see:` comment on its line. */
export function checkDeferredLocationHint(deferred: ast.DeferredDecl, accept: ValidationAcceptor): void {
    const cst = deferred.$cstNode;
    if (!cst || deferred.hint) {
        return;
    }
    const text = AstUtils.getDocument(deferred).textDocument.getText();
    const lineEnd = text.slice(cst.end).search(/[\r\n]/);
    const rest = text.slice(cst.end, lineEnd < 0 ? text.length : cst.end + lineEnd);
    if (rest.includes('"') || rest.includes('http://') || rest.includes('https://') || rest.includes('-- see:')) {
        return;
    }
    accept('warning', `'${deferred.path}' is deferred without saying where it is specified. Add a hint after it, e.g. -- see: detailed/${deferred.path.split('.')[0].toLowerCase()}.allium`,
        { node: deferred, code: IssueCodes.DeferredMissingLocationHint });
}

/** A `use` path must name a file that exists relative to the importing spec (asked of the workspace's file system). */
export function usePathCheck(services: LangiumCoreServices) {
    const files = services.shared.workspace.FileSystemProvider;
    return (use: ast.UseDecl, accept: ValidationAcceptor): void => {
        const base = AstUtils.getDocument(use).uri;
        const target = base.scheme === 'file' ? usePathTarget(base, use.path) : undefined;
        if (target && files.existsSync(target)) {
            return;
        }
        accept('warning', `No file found at "${use.path}" (paths are relative to this file). Fix the path, or add the file.`,
            { node: use, property: 'path', code: IssueCodes.UseUnresolvedPath });
    };
}

/** A surface's `context` binding, or its `facing` binding where it provides actions, should be used in its body. */
export function checkSurfaceBindings(surface: ast.SurfaceDecl, accept: ValidationAcceptor): void {
    const hasProvides = surface.items.some(i => ast.isAssignment(i) && i.name === 'provides');
    for (const binding of surface.items.filter(ast.isBindingClause)) {
        if (binding.name === '_' || (binding.keyword === 'facing' && !hasProvides)) {
            continue;
        }
        const used = surface.items.some(item => item !== binding && allNodes([item]).some(n => identName(n) === binding.name))
            || allNodes(binding.value ? [binding.value] : []).some(n => identName(n) === binding.name);
        if (!used) {
            accept('warning', `'${binding.name}' is bound by surface '${surface.name}' but nothing in the surface uses it. Use it in exposes or provides, or remove the binding.`,
                { node: binding, property: 'name', code: IssueCodes.SurfaceUnusedBinding });
        }
    }
}
