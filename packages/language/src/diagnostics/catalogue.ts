/**
 * Every diagnostic code Allium reports, with what an author needs to act on it. Validators, quick fixes, the CLI,
 * the editor's diagnostics modes and `docs/diagnostics.md` (generated: `node scripts/diagnostics-doc.mjs`) all read
 * this table, so a code is declared once, here.
 *
 * Adding a code: add an entry (its key is the constant validators and fixes use), report it with
 * `code: IssueCodes.TheKey` from a validator registered in the category its `kind` names, and give `bad` a spec
 * that reports it and `good` one that does not (the catalogue test checks both).
 */

export type CatalogueSeverity = 'error' | 'warning' | 'info';

/**
 * - `reference`: the reference `allium check` reports it too (Langium category `fast`);
 * - `extended`: only JUXT's editor extension checks it, or the language reference asks for it, beyond the reference
 *   CLI; the editor reports it, `allium check` only with `--extended` (Langium category `extended`);
 * - `guard`: this checker's own protection (a file too large, an import that cannot be read, a failed check),
 *   reported everywhere;
 * - `trace`: how a spec stands against the code generated from it; the editor reports it.
 */
export type CatalogueKind = 'reference' | 'extended' | 'guard' | 'trace';

export interface CatalogueEntry {
    readonly code: string;
    readonly severity: CatalogueSeverity;
    readonly kind: CatalogueKind;
    readonly title: string;
    readonly explanation: string;
    /** A spec (without its `-- allium: 3` line) that reports the code. */
    readonly bad: string;
    /** The same spec put right. */
    readonly good: string;
    /** What the quick fixes offered for it do; each code with fixes has a fixer in the server's table. */
    readonly fixes?: readonly string[];
    /** In the editor's `relaxed` mode: not reported, or reported as information. */
    readonly relaxed?: 'off' | 'info';
}

const ORDER = `entity Order {
    status: pending | shipped
}
`;

export const Diagnostics = {
    Syntax: {
        code: 'allium.syntax', severity: 'error', kind: 'reference',
        title: 'Syntax error',
        explanation: 'The text is not Allium here. One error is reported per line; the rest of the file is still checked.',
        bad: 'entity Order {\n    status pending | shipped\n}\n',
        good: ORDER
    },
    VersionMissing: {
        code: 'allium.version.missing', severity: 'warning', kind: 'reference',
        title: 'No version marker',
        explanation: "An Allium file starts with a comment naming the language version it is written in, `-- allium: 3`. The checks of that version apply.",
        bad: '-- orders\nentity Order {\n    status: pending | shipped\n}\n',
        good: ORDER
    },
    Budget: {
        code: 'allium.budget', severity: 'info', kind: 'guard',
        title: 'File too large to check fully',
        explanation: 'Above two million characters only the syntax of a file is checked, above four million nothing, so the editor stays responsive. Split the file to have it checked.',
        bad: '-- a file of more than 2,000,000 characters',
        good: '-- the same declarations split over several files, each imported with use'
    },
    Internal: {
        code: 'allium.internal', severity: 'error', kind: 'guard',
        title: 'The checker failed',
        explanation: "Checking the document threw; its findings are not shown and the server log has the details. This is a bug of the checker, not of the spec: please report it with the spec.",
        bad: '-- any spec the checker fails on',
        good: '-- the same spec, once the checker is fixed'
    },
    UseUnreadable: {
        code: 'allium.use.unreadable', severity: 'error', kind: 'guard',
        title: 'Import that cannot be read',
        explanation: "A `use` names something that exists but cannot be a spec (a directory, a device, a pipe, a file too large), so it is not read.",
        bad: 'use "./specs" as specs\n',
        good: 'use "./specs/orders.allium" as orders\n'
    },
    UseUnresolvedPath: {
        code: 'allium.use.unresolvedPath', severity: 'warning', kind: 'reference',
        title: 'Import of a missing file',
        explanation: 'No file exists at the path a `use` names (relative to the importing file), so nothing is imported from it.',
        bad: 'use "./no-such-file.allium" as missing\n',
        good: '-- no use of a file that does not exist\n'
    },
    UseAmbiguousReference: {
        code: 'allium.use.ambiguousReference', severity: 'warning', kind: 'reference',
        title: 'Name declared by two imported modules',
        explanation: 'An unqualified name that two imported modules both declare could mean either. Qualify it with the alias of the module meant, or declare it in this file.',
        bad: 'use "./billing.allium" as billing\nuse "./shipping.allium" as shipping\n\nentity Order {\n    address: Address\n}\n',
        good: 'use "./billing.allium" as billing\nuse "./shipping.allium" as shipping\n\nentity Order {\n    address: shipping/Address\n}\n'
    },
    ReferenceUndefinedImportedAlias: {
        code: 'allium.reference.undefinedImportedAlias', severity: 'error', kind: 'reference',
        title: 'Qualified name without its import',
        explanation: "`alias/Name` needs a `use \"...\" as alias` in the same file.",
        bad: 'entity Order {\n    customer: crm/Customer\n}\n',
        good: 'use "./crm.allium" as crm\n\nentity Order {\n    customer: crm/Customer\n}\n'
    },
    ReferenceUnknownName: {
        code: 'allium.reference.unknownName', severity: 'warning', kind: 'reference',
        title: 'Name the imported module does not declare',
        explanation: '`alias/Name` names something the imported module does not declare.',
        bad: 'use "./crm.allium" as crm\n\nentity Order {\n    customer: crm/Client\n}\n',
        good: 'use "./crm.allium" as crm\n\nentity Order {\n    customer: crm/Customer\n}\n'
    },
    ReferenceUnresolvedImport: {
        code: 'allium.reference.unresolvedImport', severity: 'warning', kind: 'reference',
        title: 'Name imported from a file that is not there',
        explanation: "`alias/Name` goes through a `use` of an `.allium` file that exists nowhere, neither among the files checked nor on disk, so nothing it names can be checked. Each such name is reported, so the problem stays visible when the `use` line's own warning is silenced. A module coordinate (`github.com/org/spec/abc123`) is not expected on disk and is not reported.",
        bad: 'use "./no-such-file.allium" as crm\n\nentity Order {\n    customer: crm/Customer\n}\n',
        good: 'use "github.com/acme/crm/abc123" as crm\n\nentity Order {\n    customer: crm/Customer\n}\n'
    },
    TypeUndefinedReference: {
        code: 'allium.type.undefinedReference', severity: 'error', kind: 'reference',
        title: 'Undeclared type',
        explanation: 'A field or parameter names a type this file neither declares nor imports.',
        bad: 'entity Order {\n    customer: Customer\n}\n',
        good: 'entity Customer {\n    name: String\n}\n\nentity Order {\n    customer: Customer\n}\n',
        fixes: ['Declare the type as an entity, a value or an enum']
    },
    RuleUndefinedTypeReference: {
        code: 'allium.rule.undefinedTypeReference', severity: 'error', kind: 'reference',
        title: 'Rule names an undeclared type',
        explanation: 'A rule creates or binds a type this file neither declares nor imports.',
        bad: 'rule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n',
        good: `${ORDER}\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n`,
        fixes: ['Declare the entity']
    },
    RuleUndefinedBinding: {
        code: 'allium.rule.undefinedBinding', severity: 'error', kind: 'reference',
        title: 'Unbound name in a rule',
        explanation: 'A name a rule uses is bound nowhere the rule can see: not by its trigger, a `let`, a `for`, a `given` or a default.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder()\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`
    },
    RuleInvalidTrigger: {
        code: 'allium.rule.invalidTrigger', severity: 'error', kind: 'reference',
        title: 'Not a trigger',
        explanation: "A `when:` is an event (`Event(a, b)`), a creation (`x: Entity.created`), a change (`x: Entity.field transitions_to v` or `becomes v`) or a temporal condition (`x: Entity.deadline <= now`). A trigger binds plain names; `name: value` is for emitting one.",
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order: Order)\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`
    },
    RuleUnreachableTrigger: {
        code: 'allium.rule.unreachableTrigger', severity: 'info', kind: 'reference',
        title: 'Trigger nothing in the spec provides',
        explanation: 'No surface provides the event and no rule emits it, so the rule only fires from outside the spec. Fine for external events; otherwise provide or emit it.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nactor Clerk {\n    identified_by: User\n}\n\nentity User {\n    name: String\n}\n\nsurface Desk {\n    facing clerk: Clerk\n    provides:\n        ShipOrder(clerk, order: Order)\n}\n\nrule Ship {\n    when: ShipOrder(clerk, order)\n    ensures: order.status = shipped\n}\n`
    },
    RuleMissingWhen: {
        code: 'allium.rule.missingWhen', severity: 'error', kind: 'extended',
        title: "Rule without 'when:'",
        explanation: 'A rule without a trigger never starts.',
        bad: `${ORDER}\nrule Ship {\n    ensures: Order.created(status: shipped)\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder()\n    ensures: Order.created(status: shipped)\n}\n`
    },
    RuleMissingEnsures: {
        code: 'allium.rule.missingEnsures', severity: 'error', kind: 'extended',
        title: "Rule without 'ensures:'",
        explanation: 'A rule without an outcome changes nothing.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`
    },
    TemporalMissingGuard: {
        code: 'allium.temporal.missingGuard', severity: 'warning', kind: 'extended', relaxed: 'off',
        title: 'Temporal rule without a guard',
        explanation: 'A temporal trigger (`deadline <= now`) stays true after the rule fires, so without a `requires:` that its own outcome falsifies the rule fires again and again.',
        bad: 'entity Invitation {\n    status: pending | expired\n    expires_at: Timestamp\n}\n\nrule Expire {\n    when: invitation: Invitation.expires_at <= now\n    ensures: invitation.status = expired\n}\n',
        good: 'entity Invitation {\n    status: pending | expired\n    expires_at: Timestamp\n}\n\nrule Expire {\n    when: invitation: Invitation.expires_at <= now\n    requires: invitation.status = pending\n    ensures: invitation.status = expired\n}\n',
        fixes: ["Add the guard the rule's outcome falsifies (requires: x.status = <before>)"]
    },
    RuleNeverFires: {
        code: 'allium.rule.neverFires', severity: 'warning', kind: 'extended',
        title: 'Rule that can never fire',
        explanation: 'No state meets all the preconditions of the rule together (with what its trigger implies).',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    requires: order.status = shipped\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n`
    },
    RuleDuplicateBehavior: {
        code: 'allium.rule.duplicateBehavior', severity: 'warning', kind: 'extended',
        title: 'Two rules do the same',
        explanation: 'Two rules have the same trigger, preconditions and outcome; one of them is redundant.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n\nrule ShipAgain {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`
    },
    RulePotentialShadow: {
        code: 'allium.rule.potentialShadow', severity: 'info', kind: 'extended',
        title: 'Rule shadowed by a broader one',
        explanation: 'A rule does what another rule on the same trigger does, under stricter preconditions, so whenever it fires the broader rule fires too.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n\nrule ShipPending {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule ShipPending {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n`
    },
    LetDuplicateBinding: {
        code: 'allium.let.duplicateBinding', severity: 'error', kind: 'reference',
        title: 'Name bound twice by let',
        explanation: 'Two `let`s of one rule bind the same name.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    let next = shipped\n    let next = pending\n    ensures: order.status = next\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    let next = shipped\n    ensures: order.status = next\n}\n`
    },
    ConfigUndefinedReference: {
        code: 'allium.config.undefinedReference', severity: 'warning', kind: 'reference', relaxed: 'info',
        title: 'Undeclared config parameter',
        explanation: "`config.name` reads a parameter no config block of the file declares, so it has no value.",
        bad: 'entity Invitation {\n    created_at: Timestamp\n    expires_at: Timestamp = created_at + config.invitation_ttl\n}\n',
        good: 'config {\n    invitation_ttl: Duration = 7.days\n}\n\nentity Invitation {\n    created_at: Timestamp\n    expires_at: Timestamp = created_at + config.invitation_ttl\n}\n'
    },
    ConfigInvalidParameter: {
        code: 'allium.config.invalidParameter', severity: 'error', kind: 'extended',
        title: 'Config parameter without a type',
        explanation: "A config parameter is `name: Type = default`, or `name: Type` when importing modules supply the value.",
        bad: 'config {\n    max_attempts: 5\n}\n',
        good: 'config {\n    max_attempts: Integer = 5\n}\n'
    },
    ConfigDuplicateKey: {
        code: 'allium.config.duplicateKey', severity: 'error', kind: 'extended',
        title: 'Config parameter declared twice',
        explanation: 'A config block declares the same parameter twice.',
        bad: 'config {\n    retries: Integer = 3\n    retries: Integer = 5\n}\n',
        good: 'config {\n    retries: Integer = 3\n}\n'
    },
    ContextDuplicateBinding: {
        code: 'allium.context.duplicateBinding', severity: 'error', kind: 'extended',
        title: "Name bound twice by 'given'",
        explanation: "A `given` block binds the same name more than once.",
        bad: `${ORDER}\ngiven {\n    order: Order\n    order: Order\n}\n`,
        good: `${ORDER}\ngiven {\n    order: Order\n}\n`
    },
    ContextUndefinedType: {
        code: 'allium.context.undefinedType', severity: 'error', kind: 'extended',
        title: "'given' of an unknown type",
        explanation: "A `given` binding names a type that is neither built in nor an entity of this file or an imported one.",
        bad: 'given {\n    order: Order\n}\n',
        good: `${ORDER}\ngiven {\n    order: Order\n}\n`
    },
    DefaultUnknownField: {
        code: 'allium.default.unknownField', severity: 'error', kind: 'reference',
        title: 'Default sets a field its type lacks',
        explanation: 'A default instance sets a field its type does not declare.',
        bad: 'value Money {\n    amount: Decimal\n}\n\ndefault Money zero = { amount: 0, currency: "EUR" }\n',
        good: 'value Money {\n    amount: Decimal\n}\n\ndefault Money zero = { amount: 0 }\n'
    },
    DefaultUndefinedType: {
        code: 'allium.default.undefinedType', severity: 'error', kind: 'extended',
        title: 'Default of an undeclared type',
        explanation: 'A default instance is of a type the file neither declares nor imports.',
        bad: 'default Money zero = { amount: 0 }\n',
        good: 'value Money {\n    amount: Decimal\n}\n\ndefault Money zero = { amount: 0 }\n',
        fixes: ['Declare the type as an entity, a value or an enum']
    },
    DefaultDuplicateName: {
        code: 'allium.default.duplicateName', severity: 'error', kind: 'extended',
        title: 'Two defaults of one name',
        explanation: 'Two default instances have the same name.',
        bad: 'value Money {\n    amount: Decimal\n}\n\ndefault Money zero = { amount: 0 }\ndefault Money zero = { amount: 0.0 }\n',
        good: 'value Money {\n    amount: Decimal\n}\n\ndefault Money zero = { amount: 0 }\n'
    },
    ListEmptyListNoElementType: {
        code: 'allium.list.emptyListNoElementType', severity: 'error', kind: 'reference',
        title: 'Empty list of unknown element type',
        explanation: "`[]` in a default says nothing about what the list holds unless its field is declared `List<T>`.",
        bad: 'value Basket {\n    items: String\n}\n\ndefault Basket empty = { items: [] }\n',
        good: 'value Basket {\n    items: List<String>\n}\n\ndefault Basket empty = { items: [] }\n'
    },
    ListMixedElementTypes: {
        code: 'allium.list.mixedElementTypes', severity: 'error', kind: 'reference',
        title: 'List of mixed element kinds',
        explanation: 'The elements of a list literal are all of one kind.',
        bad: 'value Basket {\n    items: List<String>\n}\n\ndefault Basket some = { items: ["a", 1] }\n',
        good: 'value Basket {\n    items: List<String>\n}\n\ndefault Basket some = { items: ["a", "b"] }\n'
    },
    FieldDuplicate: {
        code: 'allium.field.duplicate', severity: 'error', kind: 'extended',
        title: 'Field declared twice',
        explanation: 'An entity, value or variant declares the same field twice, so which declaration holds is unclear.',
        bad: 'entity Order {\n    total: Integer\n    total: Decimal\n}\n',
        good: 'entity Order {\n    total: Decimal\n}\n'
    },
    EnumEmpty: {
        code: 'allium.enum.empty', severity: 'warning', kind: 'extended',
        title: 'Enum without values',
        explanation: 'No field of an enum without values can hold one.',
        bad: 'enum Colour {\n}\n',
        good: 'enum Colour {\n    red | green\n}\n'
    },
    EnumDuplicateLiteral: {
        code: 'allium.enum.duplicateLiteral', severity: 'error', kind: 'extended',
        title: 'Enum value listed twice',
        explanation: 'An enum lists the same value twice.',
        bad: 'enum Colour {\n    red | green | red\n}\n',
        good: 'enum Colour {\n    red | green\n}\n'
    },
    StatusUnreachableValue: {
        code: 'allium.status.unreachableValue', severity: 'warning', kind: 'reference',
        title: 'Status value no rule sets',
        explanation: 'No rule ever moves the entity to this value (nor creates it there).',
        bad: 'entity Order {\n    status: pending | shipped | held\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n'
    },
    StatusNoExit: {
        code: 'allium.status.noExit', severity: 'warning', kind: 'reference',
        title: 'Status value nothing leaves',
        explanation: 'Once the entity reaches this value no rule moves it on. Add a rule that does, or declare the value terminal in a transitions block.',
        bad: 'entity Order {\n    status: pending | shipped\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n'
    },
    StatusUndeclaredTransition: {
        code: 'allium.status.undeclaredTransition', severity: 'warning', kind: 'reference',
        title: 'Transition the graph does not allow',
        explanation: "A rule moves the entity between two values its `transitions` block has no edge for.",
        bad: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n\nrule Reopen {\n    when: ReopenOrder(order)\n    requires: order.status = shipped\n    ensures: order.status = pending\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n',
        fixes: ['Add the edge to the transition graph']
    },
    StatusUndefinedValue: {
        code: 'allium.status.undefinedValue', severity: 'error', kind: 'extended',
        title: 'Value the field cannot hold',
        explanation: 'A rule compares or sets a field to a value its type does not list.',
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shiped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n`,
        fixes: ['Use the nearest declared value', "Add the value to the field's values"]
    },
    CreatedInvalidStatus: {
        code: 'allium.created.invalidStatus', severity: 'error', kind: 'reference',
        title: 'Created in a status the entity lacks',
        explanation: "`Entity.created(status: v)` names a value the status field does not list.",
        bad: `${ORDER}\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: draft)\n}\n`,
        good: `${ORDER}\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n`,
        fixes: ['Use the nearest declared value', 'Add the value to the status field']
    },
    CreatedMissingStatus: {
        code: 'allium.created.missingStatus', severity: 'warning', kind: 'reference',
        title: 'Created without a status',
        explanation: 'An entity with a status field is created without saying in which status.',
        bad: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created()\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n\nrule Open {\n    when: OpenOrder()\n    ensures: Order.created(status: pending)\n}\n'
    },
    TransitionsTerminalExit: {
        code: 'allium.transitions.terminalExit', severity: 'warning', kind: 'extended',
        title: 'Edge out of a terminal value',
        explanation: 'A transition graph has an edge leaving a value it declares terminal.',
        bad: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        shipped -> pending\n        terminal: shipped\n    }\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    transitions status {\n        pending -> shipped\n        terminal: shipped\n    }\n}\n'
    },
    FieldWhenNotSet: {
        code: 'allium.field.whenNotSet', severity: 'warning', kind: 'extended',
        title: 'Field present in the new state but not set',
        explanation: "A field declared `when status = v` must be set by the rule that moves the entity into `v`.",
        bad: 'entity Order {\n    status: pending | shipped\n    tracking: String when status = shipped\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    tracking: String when status = shipped\n}\n\nrule Ship {\n    when: ShipOrder(order, tracking)\n    requires: order.status = pending\n    ensures:\n        order.status = shipped\n        order.tracking = tracking\n}\n'
    },
    FieldWhenNotCleared: {
        code: 'allium.field.whenNotCleared', severity: 'warning', kind: 'extended',
        title: 'Field absent in the new state but not cleared',
        explanation: "A field declared `when status = v` must be cleared (`= null`) by the rule that moves the entity out of `v`.",
        bad: 'entity Order {\n    status: pending | shipped\n    hold_reason: String when status = pending\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures: order.status = shipped\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    hold_reason: String when status = pending\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.status = pending\n    ensures:\n        order.status = shipped\n        order.hold_reason = null\n}\n'
    },
    EntityUnused: {
        code: 'allium.entity.unused', severity: 'warning', kind: 'reference',
        title: 'Unused entity',
        explanation: 'Nothing in the file, nor in a file importing it, uses the entity.',
        bad: `${ORDER}\nentity Parcel {\n    weight: Decimal\n}\n`,
        good: `${ORDER}\nentity Parcel {\n    weight: Decimal\n    order: Order\n}\n\nrule Weigh {\n    when: WeighParcel(parcel: Parcel)\n    ensures: parcel.weight = 1\n}\n`
    },
    DefinitionUnused: {
        code: 'allium.definition.unused', severity: 'warning', kind: 'reference',
        title: 'Unused value or enum',
        explanation: 'Nothing in the file, nor in a file importing it, uses the value type or enum.',
        bad: `${ORDER}\nenum Colour {\n    red | green\n}\n`,
        good: 'enum Colour {\n    red | green\n}\n\nentity Order {\n    status: pending | shipped\n    colour: Colour\n}\n'
    },
    FieldUnused: {
        code: 'allium.field.unused', severity: 'info', kind: 'reference',
        title: 'Field nothing reads or sets',
        explanation: 'No rule, surface or derived value reads or sets the field.',
        bad: 'entity Order {\n    status: pending | shipped\n    note: String\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    note: String\n}\n\nrule Ship {\n    when: ShipOrder(order, note)\n    ensures:\n        order.status = shipped\n        order.note = note\n}\n'
    },
    ActorUnused: {
        code: 'allium.actor.unused', severity: 'info', kind: 'extended',
        title: 'Actor no surface faces',
        explanation: 'No surface of the file faces the actor.',
        bad: 'entity User {\n    name: String\n}\n\nactor Clerk {\n    identified_by: User\n}\n',
        good: 'entity User {\n    name: String\n}\n\nactor Clerk {\n    identified_by: User\n}\n\nsurface Desk {\n    facing clerk: Clerk\n    exposes:\n        clerk.name\n}\n'
    },
    ExternalEntityMissingSourceHint: {
        code: 'allium.externalEntity.missingSourceHint', severity: 'warning', kind: 'reference',
        title: 'External entity without its governing spec',
        explanation: "An external entity is specified elsewhere; a `use` of the spec that governs it says where.",
        bad: 'external entity Customer {\n    email: String\n}\n',
        good: 'entity Customer {\n    email: String\n}\n'
    },
    DeferredMissingLocationHint: {
        code: 'allium.deferred.missingLocationHint', severity: 'warning', kind: 'reference',
        title: 'Deferred without saying where',
        explanation: "A `deferred` specification says where it is specified, with a comment after it: `-- see: detailed/x.allium`.",
        bad: `${ORDER}\ndeferred Order.pricing\n`,
        good: `${ORDER}\ndeferred Order.pricing -- see: detailed/pricing.allium\n`
    },
    SurfaceUnusedBinding: {
        code: 'allium.surface.unusedBinding', severity: 'warning', kind: 'reference',
        title: 'Surface binding nothing uses',
        explanation: 'A surface binds a name (`facing x`, `context x`) that nothing in the surface uses.',
        bad: 'entity Order {\n    total: Integer\n}\n\nsurface Receipt {\n    context order: Order\n}\n',
        good: 'entity Order {\n    total: Integer\n}\n\nsurface Receipt {\n    context order: Order\n    exposes:\n        order.total\n}\n'
    },
    SurfaceMissingActor: {
        code: 'allium.surface.missingActor', severity: 'warning', kind: 'extended',
        title: 'Surface faces an undeclared party',
        explanation: "A surface's `facing` names neither an actor nor an entity of the file.",
        bad: 'surface Desk {\n    facing clerk: Clerk\n    exposes:\n        clerk.name\n}\n',
        good: 'entity User {\n    name: String\n}\n\nactor Clerk {\n    identified_by: User\n}\n\nsurface Desk {\n    facing clerk: Clerk\n    exposes:\n        clerk.name\n}\n'
    },
    SurfaceUndefinedProvidesTrigger: {
        code: 'allium.surface.undefinedProvidesTrigger', severity: 'error', kind: 'extended',
        title: 'Surface provides an event no rule handles',
        explanation: 'A surface provides an event, but no rule has it as its trigger.',
        bad: 'entity User {\n    name: String\n}\n\nsurface Desk {\n    facing user: User\n    provides:\n        Rename(user, name)\n}\n',
        good: 'entity User {\n    name: String\n}\n\nsurface Desk {\n    facing user: User\n    provides:\n        Rename(user, name)\n}\n\nrule RenameUser {\n    when: Rename(user, name)\n    ensures: user.name = name\n}\n'
    },
    SurfaceRelatedUndefined: {
        code: 'allium.surface.relatedUndefined', severity: 'error', kind: 'reference',
        title: 'Related surface that does not exist',
        explanation: "A surface's `related:` names a surface the file does not declare.",
        bad: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n    related:\n        Settings\n}\n',
        good: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n}\n'
    },
    SurfaceRelatedContextMismatch: {
        code: 'allium.surface.relatedContextMismatch', severity: 'warning', kind: 'extended',
        title: 'Related surface opened on the wrong type',
        explanation: "`related:` passes a surface something other than its context's type.",
        bad: 'entity User {\n    name: String\n}\n\nentity Team {\n    name: String\n}\n\nsurface TeamPage {\n    facing user: User\n    context team: Team\n    exposes:\n        team.name\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n    related:\n        TeamPage(user)\n}\n',
        good: 'entity User {\n    name: String\n    team: Team\n}\n\nentity Team {\n    name: String\n}\n\nsurface TeamPage {\n    facing user: User\n    context team: Team\n    exposes:\n        team.name\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n    related:\n        TeamPage(user.team)\n}\n'
    },
    SurfaceTimeoutUndefined: {
        code: 'allium.surface.timeoutUndefined', severity: 'error', kind: 'extended',
        title: 'Timeout names no rule',
        explanation: "A surface's `timeout:` names a rule the file does not declare.",
        bad: 'entity User {\n    name: String\n}\n\nsurface Login {\n    facing user: User\n    exposes:\n        user.name\n    timeout:\n        ExpireLogin\n}\n',
        good: 'entity User {\n    name: String\n}\n\nsurface Login {\n    facing user: User\n    exposes:\n        user.name\n}\n'
    },
    SurfaceTimeoutNotTemporal: {
        code: 'allium.surface.timeoutNotTemporal', severity: 'error', kind: 'extended',
        title: 'Timeout names a rule not triggered by time',
        explanation: "A surface's `timeout:` names a rule whose trigger is temporal (`when: x: X.deadline <= now`).",
        bad: 'entity User {\n    name: String\n    expires_at: Timestamp\n}\n\nsurface Login {\n    facing user: User\n    exposes:\n        user.name\n    timeout:\n        ExpireLogin\n}\n\nrule ExpireLogin {\n    when: Logout(user)\n    ensures: user.name = "gone"\n}\n',
        good: 'entity User {\n    name: String\n    expires_at: Timestamp\n}\n\nsurface Login {\n    facing user: User\n    exposes:\n        user.name\n    timeout:\n        ExpireLogin\n}\n\nrule ExpireLogin {\n    when: user: User.expires_at <= now\n    requires: user.name != "gone"\n    ensures: user.name = "gone"\n}\n'
    },
    SurfaceUndefinedPath: {
        code: 'allium.surface.undefinedPath', severity: 'error', kind: 'extended',
        title: 'Surface path through a missing field',
        explanation: 'A path a surface exposes or iterates goes through a field its type does not declare.',
        bad: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.nmae\n}\n',
        good: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n}\n',
        fixes: ['Use the nearest field of the type']
    },
    SurfaceUnusedPath: {
        code: 'allium.surface.unusedPath', severity: 'info', kind: 'extended',
        title: 'Surface exposes dead data',
        explanation: 'A surface exposes a stored field that nothing outside surfaces reads or sets (no rule, creation or derived value).',
        bad: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n}\n',
        good: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        user.name\n    provides:\n        Rename(user, name)\n}\n\nrule RenameUser {\n    when: Rename(user, name)\n    ensures: user.name = name\n}\n'
    },
    SurfaceNonCollectionIteration: {
        code: 'allium.surface.nonCollectionIteration', severity: 'error', kind: 'extended',
        title: 'Surface iterates over a single value',
        explanation: "`for x in path:` in a surface needs a collection (a List, a Set or a relationship field).",
        bad: 'entity User {\n    name: String\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        for n in user.name:\n            n\n}\n',
        good: 'entity User {\n    name: String\n    nicknames: List<String>\n}\n\nsurface Profile {\n    facing user: User\n    exposes:\n        for n in user.nicknames:\n            n\n}\n'
    },
    SurfaceImpossibleWhen: {
        code: 'allium.surface.impossibleWhen', severity: 'warning', kind: 'extended',
        title: 'Surface guard that never holds',
        explanation: "A `when` guard of a surface item compares a field with a value it cannot hold, or asks for values that exclude each other, so the item is never available.",
        bad: 'entity Order {\n    status: pending | shipped\n}\n\nsurface Tracking {\n    facing order: Order\n    exposes:\n        order.status when order.status = delivered\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n}\n\nsurface Tracking {\n    facing order: Order\n    exposes:\n        order.status when order.status = shipped\n}\n'
    },
    SumDiscriminatorUnknownVariant: {
        code: 'allium.sum.discriminatorUnknownVariant', severity: 'error', kind: 'reference',
        title: 'Discriminator lists an undeclared variant',
        explanation: 'A discriminator field lists, as a variant, a name no `variant` declares.',
        bad: 'entity Shape {\n    kind: Circle | Square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n',
        good: 'entity Shape {\n    kind: Circle | Square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n',
        fixes: ['Declare the variant']
    },
    SumInvalidDiscriminator: {
        code: 'allium.sum.invalidDiscriminator', severity: 'error', kind: 'reference',
        title: 'Discriminator mixing variants and plain values',
        explanation: 'A discriminator lists variant names (PascalCase) only; lower-case values make it an ordinary enum field.',
        bad: 'entity Shape {\n    kind: Circle | square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n',
        good: 'entity Shape {\n    kind: Circle\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n'
    },
    SumUndefinedBase: {
        code: 'allium.sum.undefinedBase', severity: 'error', kind: 'extended',
        title: 'Variant of an undeclared entity',
        explanation: 'A variant extends an entity the file does not declare.',
        bad: 'variant Circle : Shape {\n    radius: Decimal\n}\n',
        good: 'entity Shape {\n    kind: Circle\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n'
    },
    SumVariantMissingInDiscriminator: {
        code: 'allium.sum.variantMissingInDiscriminator', severity: 'error', kind: 'extended',
        title: 'Variant its base does not list',
        explanation: "A variant extends an entity whose discriminator does not list it.",
        bad: 'entity Shape {\n    kind: Circle | Square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nvariant Triangle : Shape {\n    base: Decimal\n}\n',
        good: 'entity Shape {\n    kind: Circle | Square | Triangle\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nvariant Triangle : Shape {\n    base: Decimal\n}\n'
    },
    SumMissingDiscriminator: {
        code: 'allium.sum.missingDiscriminator', severity: 'error', kind: 'extended',
        title: 'Base entity without a discriminator',
        explanation: 'An entity that variants extend has a field listing them.',
        bad: 'entity Shape {\n    name: String\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n',
        good: 'entity Shape {\n    name: String\n    kind: Circle\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n'
    },
    SumBaseInstantiation: {
        code: 'allium.sum.baseInstantiation', severity: 'error', kind: 'extended',
        title: 'Base entity created directly',
        explanation: 'An entity with variants is never created itself; create one of its variants.',
        bad: 'entity Shape {\n    kind: Circle | Square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nrule Draw {\n    when: DrawCircle()\n    ensures: Shape.created(kind: Circle)\n}\n',
        good: 'entity Shape {\n    kind: Circle | Square\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nrule Draw {\n    when: DrawCircle()\n    ensures: Circle.created(radius: 1)\n}\n'
    },
    SumMissingVariantKeyword: {
        code: 'allium.sum.missingVariantKeyword', severity: 'error', kind: 'extended',
        title: "Variant without 'variant'",
        explanation: "`Name : Base { ... }` looks like a variant but lacks the `variant` keyword, so it declares nothing.",
        bad: 'entity Shape {\n    kind: Circle\n}\n\nCircle : Shape {\n    radius: Decimal\n}\n',
        good: 'entity Shape {\n    kind: Circle\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n',
        fixes: ["Add the 'variant' keyword"]
    },
    SumUnguardedVariantFieldAccess: {
        code: 'allium.sum.unguardedVariantFieldAccess', severity: 'error', kind: 'extended',
        title: 'Variant field read without narrowing',
        explanation: "A field only some variants have is read where the value is not narrowed to them (by `requires: x.kind = V` or `if x.kind = V:`).",
        bad: 'entity Shape {\n    kind: Circle | Square\n    area: Decimal\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nrule Measure {\n    when: MeasureShape(shape: Shape)\n    ensures: shape.area = shape.radius\n}\n',
        good: 'entity Shape {\n    kind: Circle | Square\n    area: Decimal\n}\n\nvariant Circle : Shape {\n    radius: Decimal\n}\n\nvariant Square : Shape {\n    side: Decimal\n}\n\nrule Measure {\n    when: MeasureShape(shape: Shape)\n    requires: shape.kind = Circle\n    ensures: shape.area = shape.radius\n}\n'
    },
    AnnotationPlacement: {
        code: 'allium.annotation.placement', severity: 'warning', kind: 'extended',
        title: 'Annotation out of place',
        explanation: "Structural items come before the annotations of a construct, and `@guidance` is its last item.",
        bad: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    @guidance\n        -- ship the oldest first\n    ensures: order.status = shipped\n}\n`,
        good: `${ORDER}\nrule Ship {\n    when: ShipOrder(order)\n    ensures: order.status = shipped\n    @guidance\n        -- ship the oldest first\n}\n`
    },
    OpenQuestionPresent: {
        code: 'allium.openQuestion.present', severity: 'warning', kind: 'extended',
        title: 'Open question',
        explanation: 'An `open question` marks the spec as unfinished there; answer it and remove it.',
        bad: `${ORDER}\nopen question "Can a shipped order be returned?"\n`,
        good: ORDER
    },
    DerivedCircularDependency: {
        code: 'allium.derived.circularDependency', severity: 'error', kind: 'extended',
        title: 'Derived value that depends on itself',
        explanation: 'Derived values that depend on each other in a loop have no value.',
        bad: 'entity Order {\n    net: Decimal = gross - 1\n    gross: Decimal = net + 1\n}\n',
        good: 'entity Order {\n    net: Decimal\n    gross: Decimal = net + 1\n}\n'
    },
    ExpressionImplicitLambda: {
        code: 'allium.expression.implicitLambda', severity: 'error', kind: 'extended',
        title: 'Collection operation without a lambda',
        explanation: "`items.any(paid)` is written `items.any(i => i.paid)`.",
        bad: 'entity Item {\n    paid: Boolean\n}\n\nentity Order {\n    items: List<Item>\n    settled: Boolean = items.all(paid)\n}\n',
        good: 'entity Item {\n    paid: Boolean\n}\n\nentity Order {\n    items: List<Item>\n    settled: Boolean = items.all(i => i.paid)\n}\n',
        fixes: ['Write the explicit lambda']
    },
    ExpressionTypeMismatch: {
        code: 'allium.expression.typeMismatch', severity: 'error', kind: 'extended',
        title: 'Operands of incompatible types',
        explanation: 'An arithmetic operation or comparison combines values that do not go together (a string with a number, a Duration with a bare number, ...).',
        bad: 'entity Order {\n    status: pending | shipped\n    placed_at: Timestamp\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.placed_at + 5 < now\n    ensures: order.status = shipped\n}\n',
        good: 'entity Order {\n    status: pending | shipped\n    placed_at: Timestamp\n}\n\nrule Ship {\n    when: ShipOrder(order)\n    requires: order.placed_at + 5.days < now\n    ensures: order.status = shipped\n}\n'
    },
    ExpressionInlineEnumComparison: {
        code: 'allium.expression.inlineEnumComparison', severity: 'error', kind: 'extended',
        title: 'Inline enums of different fields compared',
        explanation: "Two fields with inline value lists share no type, even when the values match; declare a named enum for both.",
        bad: 'entity Order {\n    status: open | closed\n    payment: open | closed\n}\n\nrule Close {\n    when: CloseOrder(order)\n    requires: order.status = order.payment\n    ensures: order.status = closed\n}\n',
        good: 'enum State {\n    open | closed\n}\n\nentity Order {\n    status: State\n    payment: State\n}\n\nrule Close {\n    when: CloseOrder(order)\n    requires: order.status = order.payment\n    ensures: order.status = closed\n}\n'
    },
    ContractUndefinedType: {
        code: 'allium.contract.undefinedType', severity: 'error', kind: 'extended',
        title: 'Undeclared type in a contract signature',
        explanation: "A contract's parameter and return types are the spec's types, as field types are: each must be declared in the file or imported with `use`.",
        bad: 'contract Payments {\n    authorise: (amount: Money) -> Receipt\n}\n',
        good: 'value Money {\n    cents: Integer\n}\n\nvalue Receipt {\n    id: String\n}\n\ncontract Payments {\n    authorise: (amount: Money) -> Receipt\n}\n'
    },
    RelationshipMissingBackreference: {
        code: 'allium.relationship.missingBackreference', severity: 'warning', kind: 'extended',
        title: 'Relationship without a back-reference',
        explanation: "A relationship's `with` filter links the related entity back to this one: `items: Item with order = this`.",
        bad: 'entity Item {\n    order: Order\n    status: open | closed\n}\n\nentity Order {\n    items: Item with status = open\n}\n',
        good: 'entity Item {\n    order: Order\n    status: open | closed\n}\n\nentity Order {\n    items: Item with order = this\n}\n'
    },
    RelationshipNonSingularTarget: {
        code: 'allium.relationship.nonSingularTarget', severity: 'warning', kind: 'extended',
        title: 'Relationship to a collection type',
        explanation: '`Items with order = this` where `Item` is declared: the relationship names the entity in the singular, and the field name says how many there are.',
        bad: 'entity Item {\n    order: Order\n}\n\nentity Order {\n    items: Items with order = this\n}\n',
        good: 'entity Item {\n    order: Order\n}\n\nentity Order {\n    items: Item with order = this\n}\n'
    },
    WhereThisReference: {
        code: 'allium.where.thisReference', severity: 'warning', kind: 'extended',
        title: "'this' in a 'where' filter",
        explanation: "A `where` filter reads the related entity's fields; a relationship to `this` is written with `with`.",
        bad: 'entity Item {\n    order: Order\n}\n\nentity Order {\n    items: Item where order = this\n}\n',
        good: 'entity Item {\n    order: Order\n}\n\nentity Order {\n    items: Item with order = this\n}\n'
    },
    TraceDrifted: {
        code: 'allium.trace.drifted', severity: 'warning', kind: 'trace',
        title: 'Clause changed since its code was generated',
        explanation: 'The clause no longer has the fingerprint recorded when its code was generated, so the code may not do what it now says. Regenerate the clause, or check the code and record it again.',
        bad: '-- a rule edited after allium generate wrote its code',
        good: '-- the rule regenerated (Regenerate this clause)'
    },
    TraceUnimplemented: {
        code: 'allium.trace.unimplemented', severity: 'info', kind: 'trace',
        title: 'Clause without generated code',
        explanation: 'No marker in the generated code names the clause.',
        bad: '-- a rule added after the last generation',
        good: '-- the same rule after generating its code'
    },
    TraceUntested: {
        code: 'allium.trace.untested', severity: 'info', kind: 'trace',
        title: 'Obligation without a test',
        explanation: 'A test obligation of the clause (see allium plan) has no test marker in the generated code.',
        bad: '-- a rule whose generated tests miss one of its obligations',
        good: '-- the same rule with a test for each obligation'
    },
    TraceUnknownClause: {
        code: 'allium.trace.unknownClause', severity: 'warning', kind: 'trace',
        title: 'Marker naming no clause',
        explanation: 'A marker in generated code names a clause no spec of the workspace has (renamed or removed).',
        bad: '// @allium-begin orders/rule/ShipOrder  (rule renamed to Dispatch)',
        good: '// @allium-begin orders/rule/Dispatch'
    }
} as const satisfies Record<string, CatalogueEntry>;

export type IssueKey = keyof typeof Diagnostics;
export type IssueCode = (typeof Diagnostics)[IssueKey]['code'];

/** The codes by their names, as validators and fixes write them: `code: IssueCodes.OpenQuestionPresent`. */
export const IssueCodes = Object.fromEntries(Object.entries(Diagnostics).map(([key, entry]) => [key, entry.code])) as { readonly [K in IssueKey]: (typeof Diagnostics)[K]['code'] };

const BY_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(Object.values(Diagnostics).map(entry => [entry.code, entry]));

export function catalogueEntry(code: unknown): CatalogueEntry | undefined {
    return typeof code === 'string' ? BY_CODE.get(code) : undefined;
}

export function catalogueEntries(): readonly CatalogueEntry[] {
    return [...BY_CODE.values()];
}
