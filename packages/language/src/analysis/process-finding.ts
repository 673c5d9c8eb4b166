// The findings of the process analysis, in the JSON shape of the reference `allium analyse` (snake_case keys), so
// the CLI prints them as they are and scripts written for the reference read ours.

/** Where the analysis looked for something that establishes `entity.field`. */
export type SearchedEvidence =
    | { kind: 'rule_ensures'; found: string | false; but?: string }
    | { kind: 'surface_provides' | 'created_calls'; found: boolean };

/** A transition the graph declares whose every witnessing rule requires a field nothing sets. */
export interface DeadTransition {
    type: 'dead_transition';
    summary: string;
    edge: { entity: string; from: string; to: string };
    witnessing_rules: string[];
    unsatisfiable_requires: { entity: string; field: string; value: string; searched: SearchedEvidence[] }[];
    affected_entities: string[];
}

/** A rule requires `entity.field = value` and no rule, surface or creation ever sets that field. */
export interface MissingProducer {
    type: 'missing_producer';
    summary: string;
    requires: { rule: string; field: string; value: string };
    searched: SearchedEvidence[];
    affected_entities: string[];
}

/** A state of a lifecycle with terminal states from which no achievable transition leads to one. */
export interface Deadlock {
    type: 'deadlock';
    summary: string;
    state: string;
    outbound_edges: { from: string; to: string; reason: string }[];
    cycle: string[] | null;
    affected_entities: string[];
}

/** A trigger rules listen for that no surface provides and no rule emits. */
export interface UnreachableTrigger {
    type: 'unreachable_trigger';
    summary: string;
    trigger: string;
    listening_rules: string[];
    surfaces_checked: string[];
    affected_entities: string[];
}

/** Two rules that can fire in the same state and set an entity's status to different values. */
export interface Conflict {
    type: 'conflict';
    summary: string;
    rule_a: string;
    rule_b: string;
    field: 'status';
    state: string;
    values: Record<string, string>;
    affected_entities: string[];
}

/** A rule that enters the state a uniqueness invariant allows once per key without guarding the key's entity. */
export interface InvariantRisk {
    type: 'invariant_risk';
    summary: string;
    rule: string;
    invariant: string;
    mechanism: string;
    guard_analysis: { has_guard: false; needed: string };
    affected_entities: string[];
}

export type ProcessFinding = DeadTransition | MissingProducer | Deadlock | UnreachableTrigger | Conflict | InvariantRisk;

export type ProcessFindingType = ProcessFinding['type'];
