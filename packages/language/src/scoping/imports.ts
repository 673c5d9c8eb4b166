import { AstUtils, UriUtils, type AstNode, type LangiumCoreServices, type LangiumDocument, type URI } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * Where a `use` path points. As in the reference checker, the path is relative to the importing file with or without
 * a leading `./` (`"core.allium"` is `"./core.allium"`); a module coordinate such as `github.com/org/spec/abc123`
 * resolves the same way, to a file that is normally absent, so it imports nothing here.
 */
export function usePathTarget(from: URI, path: string | undefined): URI | undefined {
    return path ? UriUtils.resolvePath(UriUtils.dirname(from), path) : undefined;
}

/** The document a `use` declaration imports, if it is in the workspace. */
export function importedDocument(services: LangiumCoreServices, use: ast.UseDecl): LangiumDocument | undefined {
    const uri = usePathTarget(AstUtils.getDocument(use).uri, use.path);
    return uri && services.shared.workspace.LangiumDocuments.getDocument(uri);
}

/**
 * A `use` of an `.allium` file that is neither among the documents (the files checked, or loaded as their imports)
 * nor on disk: what it would import cannot be known. Anything else that is not loaded (a module coordinate such as
 * `github.com/org/spec/abc123`, or a file outside what this check reads) is merely out of reach.
 */
export function importIsMissing(services: LangiumCoreServices, use: ast.UseDecl): boolean {
    const base = AstUtils.getDocument(use).uri;
    const target = usePathTarget(base, use.path);
    if (!target || !use.path?.endsWith('.allium') || services.shared.workspace.LangiumDocuments.hasDocument(target)) {
        return false;
    }
    return base.scheme !== 'file' || !services.shared.workspace.FileSystemProvider.existsSync(target);
}

/** The top-level declaration `alias/Name` refers to, through the `use ... as alias` of the referring module. */
export function importedDeclaration(services: LangiumCoreServices, from: AstNode, qualified: string): AstNode | undefined {
    const [alias, name] = qualified.split('/');
    const module = AstUtils.findRootNode(from) as ast.Module;
    const use = module.declarations?.filter(ast.isUseDecl).find(u => u.name === alias);
    const imported = use && importedDocument(services, use)?.parseResult.value as ast.Module | undefined;
    return imported?.declarations.find(d => 'name' in d && d.name === name && !ast.isUseDecl(d));
}
