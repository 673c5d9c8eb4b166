import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';

/** Langium's server, also announcing the features it has no service for: selection ranges and linked editing. */
export class AlliumLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        result.capabilities.selectionRangeProvider = true;
        result.capabilities.linkedEditingRangeProvider = true;
        return result;
    }
}
