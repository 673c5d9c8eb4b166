/**
 * One test a spec implies, as `allium plan` names it: the id and category are the reference CLI's, so CI jobs that
 * read them keep working; the description is ours.
 */
export interface Obligation {
    /** Exactly the reference's id, e.g. `config-default.payment_timeout`. */
    id: string;
    /** Exactly the reference's category, e.g. `config_default`. */
    category: string;
    description: string;
    /** The reference's `source_construct`: `Order`, `Order.status`, `config.timeout`, `ShipOrder`. */
    construct: string;
    /** The clause id of the top-level declaration it belongs to (`declarationId`), e.g. `rule:ShipOrder`. */
    owner: string;
    /** UTF-8 byte offsets into the spec, as the reference's `source_span`. */
    span: { start: number; end: number };
    detail?: Record<string, unknown>;
    /** For rule obligations: what the rule touches, as the reference's `dependencies`. */
    dependencies?: RuleDependencies;
    /** For invariants: the source text of the invariant's body. */
    expression?: string;
}

export interface RuleDependencies {
    entities_created?: string[];
    entities_read?: string[];
    entities_written?: string[];
    trigger_emissions?: string[];
    trigger_source: 'external' | 'temporal' | 'state_transition' | 'creation' | 'chained';
}
