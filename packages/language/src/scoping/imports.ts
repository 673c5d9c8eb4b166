import { AstUtils, UriUtils, type AstNode, type LangiumCoreServices, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';

/** The document a `use` declaration imports, if it is in the workspace. */
export function importedDocument(services: LangiumCoreServices, use: ast.UseDecl): LangiumDocument | undefined {
    if (!use.path.startsWith('./') && !use.path.startsWith('../')) {
        return undefined;
    }
    const uri = UriUtils.resolvePath(UriUtils.dirname(AstUtils.getDocument(use).uri), use.path);
    return services.shared.workspace.LangiumDocuments.getDocument(uri);
}

/** The top-level declaration `alias/Name` refers to, through the `use ... as alias` of the referring module. */
export function importedDeclaration(services: LangiumCoreServices, from: AstNode, qualified: string): AstNode | undefined {
    const [alias, name] = qualified.split('/');
    const module = AstUtils.findRootNode(from) as ast.Module;
    const use = module.declarations?.filter(ast.isUseDecl).find(u => u.name === alias);
    const imported = use && importedDocument(services, use)?.parseResult.value as ast.Module | undefined;
    return imported?.declarations.find(d => 'name' in d && d.name === name && !ast.isUseDecl(d));
}
