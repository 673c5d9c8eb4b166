import { isAstNode, type AstNode, type AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver-types';
import * as ast from '@allium/language';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    [ast.EntityDecl.$type]: SymbolKind.Class,
    [ast.VariantDecl.$type]: SymbolKind.Class,
    [ast.ValueDecl.$type]: SymbolKind.Struct,
    [ast.EnumDecl.$type]: SymbolKind.Enum,
    [ast.EnumLiteral.$type]: SymbolKind.EnumMember,
    [ast.StateName.$type]: SymbolKind.EnumMember,
    [ast.RuleDecl.$type]: SymbolKind.Function,
    [ast.SurfaceDecl.$type]: SymbolKind.Interface,
    [ast.ContractDecl.$type]: SymbolKind.Interface,
    [ast.ActorDecl.$type]: SymbolKind.Interface,
    [ast.InvariantDecl.$type]: SymbolKind.Boolean,
    [ast.EntityInvariant.$type]: SymbolKind.Boolean,
    [ast.ConfigDecl.$type]: SymbolKind.Namespace,
    [ast.GivenDecl.$type]: SymbolKind.Namespace,
    [ast.UseDecl.$type]: SymbolKind.Module,
    [ast.DeferredDecl.$type]: SymbolKind.Module,
    [ast.DefaultDecl.$type]: SymbolKind.Object,
    [ast.OpenQuestion.$type]: SymbolKind.String,
    [ast.Assignment.$type]: SymbolKind.Field,
    [ast.PathAssignment.$type]: SymbolKind.Field,
    [ast.ParamAssignment.$type]: SymbolKind.Method,
    [ast.TransitionsBlock.$type]: SymbolKind.Operator,
    [ast.TriggerClause.$type]: SymbolKind.Event,
    [ast.Annotation.$type]: SymbolKind.Key,
    [ast.LetItem.$type]: SymbolKind.Variable,
    [ast.LetExpr.$type]: SymbolKind.Variable,
    [ast.LoopVar.$type]: SymbolKind.Variable,
    [ast.ForBlock.$type]: SymbolKind.Array,
    [ast.IfBlock.$type]: SymbolKind.Boolean,
    [ast.BindingClause.$type]: SymbolKind.Variable,
    [ast.TriggerBinding.$type]: SymbolKind.Variable,
    [ast.Parameter.$type]: SymbolKind.Variable,
    [ast.TypedParam.$type]: SymbolKind.Variable,
    [ast.ContractsClause.$type]: SymbolKind.Interface
};

const COMPLETION_KINDS: Partial<Record<SymbolKind, CompletionItemKind>> = {
    [SymbolKind.Class]: CompletionItemKind.Class,
    [SymbolKind.Struct]: CompletionItemKind.Struct,
    [SymbolKind.Enum]: CompletionItemKind.Enum,
    [SymbolKind.EnumMember]: CompletionItemKind.EnumMember,
    [SymbolKind.Function]: CompletionItemKind.Function,
    [SymbolKind.Interface]: CompletionItemKind.Interface,
    [SymbolKind.Module]: CompletionItemKind.Module,
    [SymbolKind.Field]: CompletionItemKind.Field,
    [SymbolKind.Method]: CompletionItemKind.Method,
    [SymbolKind.Variable]: CompletionItemKind.Variable,
    [SymbolKind.Object]: CompletionItemKind.Value
};

/** Symbol and completion kinds by construct, so outlines, symbol search and completion lists show what each name is. */
export class AlliumNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[isAstNode(node) ? node.$type : node.type] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[this.getSymbolKind(node)] ?? CompletionItemKind.Reference;
    }
}
