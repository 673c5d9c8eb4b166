/**
 * The tools agents call (the MCP server of `allium mcp` and VS Code's language model tools), typed once for both;
 * the requests the VS Code client sends the language server to run them are in protocol.ts, with the others.
 * A tool's input is the same everywhere: paths are spec files or folders, absolute or relative to the workspace root
 * (the folder `allium mcp` serves, or the first workspace folder in the editor).
 */
import type { CheckResult, DeclarationResult, PlanResult, PromptResult, TraceResult } from './agent-results.js';

export const CHECK_TOOL = 'allium_check';
export const PLAN_TOOL = 'allium_plan';
export const DECLARATION_TOOL = 'allium_declaration';
export const PROMPT_TOOL = 'allium_prompt';
export const TRACE_TOOL = 'allium_trace';

export interface CheckToolInput {
    /** Spec files or folders; the whole workspace when absent. */
    paths?: string[];
}

export type PlanToolInput = CheckToolInput;

export interface DeclarationToolInput {
    /** `rule:ShipOrder`, `entity:Order`, `config`, or `orders::rule:ShipOrder` where several modules declare one. */
    id: string;
    /** The spec set to look in; the whole workspace when absent. */
    paths?: string[];
}

export interface PromptToolInput {
    paths?: string[];
    /** Declaration ids; every declaration of the given files when absent or empty. */
    selection?: string[];
    targetLanguage?: string;
    extraInstructions?: string;
}

export interface TraceToolInput {
    paths?: string[];
    /** The folder of the generated code; the workspace root when absent. */
    code?: string;
}

/** What a tool returns: the text an agent reads and the same facts as data. */
export interface AgentToolResult<T> {
    text: string;
    structured: T;
}

/** Each tool's input and structured result, for typed requests on both ends (see `AGENT_TOOL_REQUESTS` in protocol.ts). */
export interface AgentTools {
    [CHECK_TOOL]: { input: CheckToolInput; result: AgentToolResult<CheckResult> };
    [PLAN_TOOL]: { input: PlanToolInput; result: AgentToolResult<PlanResult> };
    [DECLARATION_TOOL]: { input: DeclarationToolInput; result: AgentToolResult<DeclarationResult> };
    [PROMPT_TOOL]: { input: PromptToolInput; result: AgentToolResult<PromptResult> };
    [TRACE_TOOL]: { input: TraceToolInput; result: AgentToolResult<TraceResult> };
}

export type AgentToolName = keyof AgentTools;

/** What an agent reads about each tool; MCP's tool list and the extension's `languageModelTools` say the same. */
export const AGENT_TOOL_INFO: Record<AgentToolName, { title: string; description: string }> = {
    [CHECK_TOOL]: {
        title: 'Check Allium specs',
        description: 'Checks Allium specification files (.allium) for syntax errors, unresolved names, type problems and '
            + 'the checks of the Allium reference checker. Returns every finding as file:line:column, severity, code and '
            + 'message, and a count of errors, warnings and infos. Run it after editing a spec.'
    },
    [PLAN_TOOL]: {
        title: 'Plan Allium test obligations',
        description: 'Lists the tests an Allium spec implies, as `allium plan` derives them: one obligation per rule '
            + 'outcome and precondition, transition, invariant, config default, field kind, surface clause and contract '
            + 'operation, each with its id, category, owning declaration and a description. Use it to know which tests '
            + 'an implementation of the spec needs.'
    },
    [DECLARATION_TOOL]: {
        title: 'Show an Allium declaration with its closure',
        description: 'Shows one declaration of an Allium spec (a rule, entity, surface, contract, enum, value, config, '
            + 'invariant, ...) with its source and guidance comments, every declaration it depends on (transitively and '
            + 'across `use` imports, as the linker resolves them) and the declarations around it (surfaces providing '
            + 'its trigger, other rules listening to it, invariants over its entities). Use it to read what a change to '
            + 'the declaration must agree with.'
    },
    [PROMPT_TOOL]: {
        title: 'Allium generation prompt',
        description: 'Builds the exact prompt the Allium editor sends Claude to implement a selection of a spec: the '
            + 'system prompt, the spec closure, the clause ids code must be linked to with @allium-begin/@allium-end '
            + 'markers, and one test to write per obligation. Sends nothing anywhere. Use it to implement a spec '
            + 'yourself the way the editor would ask for it.'
    },
    [TRACE_TOOL]: {
        title: 'Allium trace status',
        description: 'Reports how the code generated from Allium specs stands against them, from the @allium-begin/'
            + '@allium-end markers in the code and the .allium/trace.json records: which clauses are implemented, which '
            + 'changed since their code was generated (drifted), which have no code, which test obligations have no '
            + 'test, and markers naming nothing the spec declares.'
    }
};

/** The meaning of each input field, for the schemas of every tool that takes it. */
export const AGENT_TOOL_PARAMETERS = {
    paths: 'Spec files (.allium) or folders, absolute or relative to the workspace root. Omit for every spec of the workspace.',
    id: 'The declaration: "rule:ShipOrder", "entity:Order", "surface:Checkout", "contract:Payments", "enum:Status", '
        + '"value:Money", "invariant:PositiveStock", "config"; qualified with the module (the file name without .allium) where '
        + 'several specs declare one: "orders::rule:ShipOrder".',
    selection: 'Declaration ids to implement ("rule:ShipOrder", "orders::entity:Order"); every declaration of the given specs when omitted.',
    targetLanguage: 'The language to implement in: TypeScript (default), Kotlin, Python, Go, Java or Rust.',
    extraInstructions: 'Extra instructions appended to the prompt.',
    code: 'The folder of the generated code, absolute or relative to the workspace root; the workspace root when omitted.'
} as const;

/** A tool input that names nothing usable: told to the agent as it is, so it can correct the input. */
export class AgentToolError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'AgentToolError';
    }
}

/** The messages of the input problems both tool hosts find, worded once. */
export const agentToolErrors = {
    noSuchPath: (input: string, root: string) => `No such file or folder: ${input} (paths are relative to ${root}).`,
    noSpecs: (inputs: readonly string[], skipped: readonly string[]) => `No .allium files in ${inputs.join(', ')}${skipped.length ? ` (skipped: ${skipped.join('; ')})` : ''}.`,
    notAFolder: (input: string) => `${input} is not a folder.`,
    unknownTarget: (name: string) => `Unknown target language '${name}'.`
};
