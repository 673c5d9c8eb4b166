import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { GuardedNodeFileSystem } from '@allium/language/node';
import { createAlliumLspServices } from './allium-server-module.js';
import { registerGenerationRequests } from './generation/generation-request.js';
import { registerTraceRequests } from './trace/trace-requests.js';
import { registerRegenerationRequest } from './trace/regeneration-request.js';
import { registerDiagramRequest } from './diagram/diagram-request.js';
import { watchFoldersUnlessEditorDoes } from './workspace/folder-watcher.js';
import { registerAgentToolRequests } from './agents/agent-tool-requests.js';
import { addSelectionRangeHandler } from './selection-ranges/selection-range-handler.js';
import { addLinkedEditingRangeHandler } from './linked-editing/linked-editing-handler.js';
import { registerSpecStatusRequest } from './status/spec-status-request.js';
import { warmUpParsersWhenInitialized } from './workspace/parser-warm-up.js';

// Transport (--stdio, --node-ipc, --socket=N) comes from the command line, so VS Code and other editors share this entry.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createAlliumLspServices({ connection, ...GuardedNodeFileSystem });
registerGenerationRequests(connection, shared);
registerTraceRequests(connection, shared);
registerRegenerationRequest(connection, shared);
registerAgentToolRequests(connection, shared);
registerDiagramRequest(connection, shared);
watchFoldersUnlessEditorDoes(shared);
addSelectionRangeHandler(connection, shared);
addLinkedEditingRangeHandler(connection, shared);
registerSpecStatusRequest(connection, shared);
warmUpParsersWhenInitialized(shared);
startLanguageServer(shared);
