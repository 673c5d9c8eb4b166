import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';

async function codes(text: string): Promise<string[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.map(d => String(d.code));
}

async function lines(text: string, code: string): Promise<number[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
}

const LIFECYCLE = `
surface Desk {
    facing clerk: Clerk
    provides:
        Open(clerk, order: Order)
        Ship(clerk, order: Order)
}

actor Clerk {
    identified_by: User where role = clerk
}

entity User {
    role: clerk | guest
}

entity Order {
    status: pending | shipped
    transitions status {
        pending -> shipped
        terminal: shipped
    }
}

rule OpenOrder {
    when: Open(clerk, order)
    ensures: Order.created(status: pending)
}

rule ShipOrder {
    when: Ship(clerk, order)
    requires: order.status = pending
    ensures: order.status = shipped
}
`;

describe('status lifecycle validator', () => {
    it('accepts a lifecycle whose values are all assigned and left', async () => {
        const found = await codes(LIFECYCLE);
        expect(found).not.toContain('allium.status.unreachableValue');
        expect(found).not.toContain('allium.status.noExit');
        expect(found).not.toContain('allium.status.undeclaredTransition');
    });

    it('reports an unassigned value, a value without exit and an undeclared transition', async () => {
        const spec = LIFECYCLE.replace('pending | shipped', 'pending | shipped | held')
            .replace('ensures: order.status = shipped', 'ensures: order.status = shipped\n}\n\nrule Hold {\n    when: Ship(clerk, order)\n    requires: order.status = shipped\n    ensures: order.status = pending');
        expect(await lines(spec, 'allium.status.unreachableValue')).toEqual([19]);
        expect(await lines(spec, 'allium.status.noExit')).toEqual([19]);
        expect(await lines(spec, 'allium.status.undeclaredTransition')).toEqual([19]);
    });
});

describe('trigger reachability validator', () => {
    it('accepts triggers a surface provides', async () => {
        expect(await codes(LIFECYCLE)).not.toContain('allium.rule.unreachableTrigger');
    });

    it('reports a trigger nothing provides or emits', async () => {
        expect(await lines(LIFECYCLE.replace('when: Ship(clerk, order)', 'when: Dispatch(order)'), 'allium.rule.unreachableTrigger')).toEqual([32]);
    });
});

describe('unused declarations and fields validator', () => {
    it('accepts entities and fields that are used', async () => {
        expect(await codes(LIFECYCLE)).not.toContain('allium.entity.unused');
        // Order.status is read by rules; User.role only by a bare name in an actor, which the reference does not count.
        expect(await lines(LIFECYCLE, 'allium.field.unused')).toEqual([15]);
    });

    it('reports an unused entity, enum and field', async () => {
        const spec = LIFECYCLE + '\nentity Ghost {\n    name: String\n}\n\nenum Colour { red | green }\n';
        expect(await lines(spec, 'allium.entity.unused')).toEqual([37]);
        expect(await lines(spec, 'allium.field.unused')).toEqual([15, 38]);
        expect(await lines(spec, 'allium.definition.unused')).toEqual([41]);
    });
});

describe('type reference validator', () => {
    it('accepts declared and built-in types', async () => {
        expect(await codes('entity A {\n    b: Set<B>\n    n: Integer?\n}\nentity B {\n    a: A\n}\n')).not.toContain('allium.type.undefinedReference');
    });

    it('reports an undeclared field type and an undeclared entity in a rule', async () => {
        const spec = 'entity A {\n    b: Bee\n}\nrule R {\n    when: Go(a)\n    ensures: Missing.created(a: a)\n}\n';
        expect(await lines(spec, 'allium.type.undefinedReference')).toEqual([3]);
        expect(await lines(spec, 'allium.rule.undefinedTypeReference')).toEqual([7]);
    });
});

describe('trigger form validator', () => {
    it('accepts the trigger forms of the language', async () => {
        const spec = 'entity A {\n    at: Timestamp\n}\nrule R1 {\n    when: Go(a, b?)\n    ensures: Done()\n}\nrule R2 {\n    when: a: A.at <= now\n    requires: a.at != null\n    ensures: Done()\n}\n';
        expect(await codes(spec)).not.toContain('allium.rule.invalidTrigger');
    });

    it('reports an unsupported form and a named trigger parameter', async () => {
        const spec = 'rule R1 {\n    when: 42\n    ensures: Done()\n}\nrule R2 {\n    when: Go(order: o)\n    ensures: Done()\n}\n';
        expect(await lines(spec, 'allium.rule.invalidTrigger')).toEqual([3, 7]);
    });
});

describe('declaration hint validators', () => {
    it('accepts deferred specs with a location hint and used surface bindings', async () => {
        const spec = 'deferred Pricing.quote -- see: pricing.allium\nsurface S {\n    context order: Order\n    exposes:\n        order.total\n}\nentity Order {\n    total: Integer\n}\n';
        const found = await codes(spec);
        expect(found).not.toContain('allium.deferred.missingLocationHint');
        expect(found).not.toContain('allium.surface.unusedBinding');
    });

    it('reports a deferred spec without hint, an unused context binding, an external entity and an unresolved use', async () => {
        const spec = 'deferred Pricing.quote\nsurface S {\n    context order: Order\n}\nexternal entity Order {\n    total: Integer\n}\n';
        expect(await lines(spec, 'allium.deferred.missingLocationHint')).toEqual([2]);
        expect(await lines(spec, 'allium.surface.unusedBinding')).toEqual([4]);
        expect(await lines(spec, 'allium.externalEntity.missingSourceHint')).toEqual([6]);
        expect(await lines('use "./nowhere.allium" as nowhere\n', 'allium.use.unresolvedPath')).toEqual([2]);
    });
});

describe('suppression comments', () => {
    it('leaves other codes and unmarked lines reported', async () => {
        const spec = '-- allium-ignore allium.field.unused\nentity Ghost {}\n';
        expect(await lines(spec, 'allium.entity.unused')).toEqual([3]);
    });

    it('silences the named code on the next line only', async () => {
        const spec = '-- allium-ignore allium.entity.unused\nentity Ghost {}\nentity Other {}\n';
        expect(await lines(spec, 'allium.entity.unused')).toEqual([4]);
    });
});

describe('syntax validator', () => {
    it('accepts a well-formed spec', async () => {
        expect(await codes(LIFECYCLE)).not.toContain('allium.syntax');
    });

    it('reports a stray token once per line and keeps checking the rest of the file', async () => {
        const spec = 'rule R {\n    when: Go(a)\n    requires: a includes b\n    ensures: Done()\n}\nentity Ghost {}\n';
        expect(await lines(spec, 'allium.syntax')).toEqual([4]);
        expect(await lines(spec, 'allium.entity.unused')).toEqual([7]);
    });

    it('accepts generic and optional return types in contract signatures', async () => {
        const spec = 'value Foo {\n    name: String\n}\ncontract Registry {\n    list_things: () -> Set<Foo>\n    page: (size: Integer) -> List<Foo>?\n    find: (name: String) -> Foo?\n}\nsurface Api {\n    contracts:\n        fulfils Registry\n}\n';
        const found = await codes(spec);
        expect(found).not.toContain('allium.syntax');
        expect(found).not.toContain('allium.definition.unused');
    });

    it("names Allium's spelling of operators from other languages", async () => {
        const messages = async (text: string) => (await parseAllium(`-- allium: 3\n${text}`)).diagnostics.filter(d => d.code === 'allium.syntax').map(d => [d.range.start.line + 1, d.message]);
        const rule = (condition: string) => `rule R {\n    when: Go(a)\n    requires: ${condition}\n    ensures: Done()\n}\n`;
        expect(await messages(rule('a.b = c and not a.d'))).toEqual([]);
        expect(await messages(rule('a.b == c'))).toEqual([[4, "Allium tests equality with a single '=': write 'a = b'."]]);
        expect(await messages(rule('a.b && a.c'))).toEqual([[4, "Allium joins conditions with the word 'and': write 'a and b'."]]);
        expect(await messages(rule('!a.b'))).toEqual([[4, "Allium negates with the word 'not': write 'not a'."]]);
        expect((await messages(rule('a.b || a.c')))[0]?.[1]).toContain("join conditions with the word 'or'");
    });
});

describe('import alias validator', () => {
    it('accepts a qualified name whose alias is imported', async () => {
        expect(await codes('use "./auth.allium" as auth\nentity Account {\n    session: auth/Session\n}\n')).not.toContain('allium.reference.undefinedImportedAlias');
    });

    it('reports a qualified name with an unknown alias', async () => {
        expect(await lines('entity Account {\n    session: oauth/Session\n}\n', 'allium.reference.undefinedImportedAlias')).toEqual([3]);
    });
});

describe('rule binding validator', () => {
    it('accepts names bound by the trigger, let, for and given', async () => {
        const spec = 'given {\n    shop: Shop\n}\nentity Shop {\n    open: Boolean\n}\nrule R {\n    when: Go(order)\n    let total = order.total\n    requires: shop.open and order.count > 0\n    ensures:\n        for line in order.lines:\n            line.done = true\n}\n';
        expect(await codes(spec)).not.toContain('allium.rule.undefinedBinding');
    });

    it('reports a name nothing binds', async () => {
        expect(await lines('rule R {\n    requires: pickup.status = pending\n}\n', 'allium.rule.undefinedBinding')).toEqual([3]);
    });
});

describe('config reference and let validators', () => {
    it('accepts declared config parameters and distinct lets', async () => {
        const spec = 'config {\n    limit: Integer = 3\n}\nrule R {\n    when: Go(x)\n    let a = x.n\n    requires: a < config.limit\n    ensures: Done()\n}\n';
        const found = await codes(spec);
        expect(found).not.toContain('allium.config.undefinedReference');
        expect(found).not.toContain('allium.let.duplicateBinding');
    });

    it('reports an undeclared config parameter and a let bound twice', async () => {
        const spec = 'rule R {\n    when: Go(x)\n    let a = x.n\n    let a = x.m\n    requires: a < config.limit\n    ensures: Done()\n}\n';
        expect(await lines(spec, 'allium.config.undefinedReference')).toEqual([6]);
        expect(await lines(spec, 'allium.let.duplicateBinding')).toEqual([5]);
    });
});

describe('entity creation validator', () => {
    it('reports an undeclared initial status and a missing one on an entity with a transition graph', async () => {
        const spec = 'entity Job {\n    status: queued | done\n    transitions status {\n        queued -> done\n        terminal: done\n    }\n}\nrule A {\n    when: A()\n    ensures: Job.created(status: running)\n}\nrule B {\n    when: B()\n    ensures: Job.created()\n}\n';
        expect(await lines(spec, 'allium.created.invalidStatus')).toEqual([11]);
        expect(await lines(spec, 'allium.created.missingStatus')).toEqual([15]);
        expect(await lines(spec.replace('status: running', 'status: queued').replace('Job.created()', 'Job.created(status: queued)'), 'allium.created.invalidStatus')).toEqual([]);
    });
});

describe('sum type and related surface validators', () => {
    it('accepts a discriminator whose variants are declared, and related surfaces that exist', async () => {
        const spec = 'entity Node {\n    kind: Branch | Leaf\n}\nvariant Branch : Node {\n    size: Integer\n}\nvariant Leaf : Node {\n    data: String\n}\nsurface A {\n    context n: Node\n    related:\n        B(n)\n}\nsurface B {\n    context n: Node\n    exposes:\n        n.kind\n}\n';
        const found = await codes(spec);
        expect(found.filter(c => c.startsWith('allium.sum.') || c === 'allium.surface.relatedUndefined')).toEqual([]);
    });

    it('reports mixed discriminators, missing variants and unknown related surfaces', async () => {
        expect(await lines('entity Node {\n    kind: Branch | leaf\n}\n', 'allium.sum.invalidDiscriminator')).toEqual([3]);
        expect(await lines('entity Node {\n    kind: Branch | Leaf\n}\nvariant Branch : Node {\n    size: Integer\n}\n', 'allium.sum.discriminatorUnknownVariant')).toEqual([3]);
        expect(await lines('entity Node {\n    kind: Branch | Leaf\n}\n', 'allium.sum.v1InlineEnum')).toEqual([3]);
        expect(await lines('surface A {\n    context n: Node\n    related:\n        Missing(n)\n}\n', 'allium.surface.relatedUndefined')).toEqual([5]);
    });
});

describe('default and list literal validators', () => {
    it('accepts defaults that set declared fields and homogeneous lists', async () => {
        const spec = 'entity Role {\n    name: String\n    tags: List<String>\n}\ndefault Role admin = { name: "admin", tags: [] }\nconfig {\n    delays: List<Duration> = [1.minute, 5.minutes]\n}\n';
        const found = await codes(spec);
        expect(found.filter(c => c.startsWith('allium.default.') || c.startsWith('allium.list.'))).toEqual([]);
    });

    it('reports an undeclared default field, an untyped empty list and a mixed list', async () => {
        const spec = 'entity Role {\n    name: String\n    tags: Set<String>\n}\ndefault Role admin = { name: "admin", colour: "red", tags: [] }\nconfig {\n    odd: List<String> = ["a", 1]\n}\n';
        expect(await lines(spec, 'allium.default.unknownField')).toEqual([6]);
        expect(await lines(spec, 'allium.list.emptyListNoElementType')).toEqual([6]);
        expect(await lines(spec, 'allium.list.mixedElementTypes')).toEqual([8]);
    });
});

describe('open question validator', () => {
    it('is silent on a spec without questions', async () => {
        expect(await codes(LIFECYCLE)).not.toContain('allium.openQuestion.present');
    });

    it('warns about each open question, at the question', async () => {
        expect(await lines(LIFECYCLE + '\nopen question "Who approves refunds?"\n', 'allium.openQuestion.present')).toEqual([37]);
    });
});

describe('rule shape validator', () => {
    const TEMPORAL = 'entity Invite {\n    expires_at: Timestamp\n    status: open | expired\n}\nrule Expire {\n    when: invite: Invite.expires_at <= now\n    requires: invite.status = open\n    ensures: invite.status = expired\n}\n';

    it('accepts rules with a trigger, an outcome and a guarded temporal trigger', async () => {
        const found = await codes(TEMPORAL);
        expect(found.filter(c => c.startsWith('allium.rule.missing') || c === 'allium.temporal.missingGuard')).toEqual([]);
    });

    it('reports a rule without when:, one without ensures:, and an unguarded temporal trigger', async () => {
        expect(await lines('rule Idle {\n    ensures: Done()\n}\n', 'allium.rule.missingWhen')).toEqual([2]);
        expect(await lines('rule Quiet {\n    when: Go()\n}\n', 'allium.rule.missingEnsures')).toEqual([2]);
        expect(await lines(TEMPORAL.replace('    requires: invite.status = open\n', ''), 'allium.temporal.missingGuard')).toEqual([7]);
    });
});

describe('duplicate name validator', () => {
    it('accepts distinct names', async () => {
        const spec = 'enum Colour { red | green }\nconfig {\n    limit: Integer = 3\n}\ngiven {\n    shop: Shop\n}\nentity Shop {\n    colour: Colour\n}\n';
        expect((await codes(spec)).filter(c => c.includes('duplicate'))).toEqual([]);
    });

    it('reports a repeated enum literal, config key, given binding and default', async () => {
        const spec = 'enum Colour { red | green | red }\nconfig {\n    limit: Integer = 3\n    limit: Integer = 4\n}\ngiven {\n    shop: Shop\n    shop: Shop\n}\nentity Shop {\n    name: String\n}\ndefault Shop main = { name: "a" }\ndefault Shop main = { name: "b" }\n';
        expect(await lines(spec, 'allium.enum.duplicateLiteral')).toEqual([2]);
        expect(await lines(spec, 'allium.config.duplicateKey')).toEqual([5]);
        expect(await lines(spec, 'allium.context.duplicateBinding')).toEqual([9]);
        expect(await lines(spec, 'allium.default.duplicateName')).toEqual([15]);
    });
});

describe('surface usage validator', () => {
    it('accepts faced actors and provided triggers that rules listen for', async () => {
        const found = await codes(LIFECYCLE);
        expect(found).not.toContain('allium.actor.unused');
        expect(found).not.toContain('allium.surface.undefinedProvidesTrigger');
    });

    it('reports an actor no surface faces and a provided trigger no rule listens for', async () => {
        const spec = LIFECYCLE.replace('        Ship(clerk, order: Order)', '        Ship(clerk, order: Order)\n        Refund(clerk, order: Order)') + '\nactor Auditor {\n    identified_by: User where role = clerk\n}\n';
        expect(await lines(spec, 'allium.surface.undefinedProvidesTrigger')).toEqual([8]);
        expect(await lines(spec, 'allium.actor.unused')).toEqual([38]);
    });
});

describe('annotation validator', () => {
    const CONTRACT = 'contract Ledger {\n    post: (amount: Decimal) -> Receipt\n    @invariant Balanced\n        -- debits equal credits\n    @guidance\n        -- prefer append-only storage\n}\n';

    it('accepts named invariants and guarantees, an unnamed @guidance last, each with prose', async () => {
        const found = await codes(CONTRACT);
        expect(found).not.toContain('allium.syntax');
        expect(found).not.toContain('allium.annotation.placement');
    });

    it('reports an unknown kind, a missing or lowercase name, a named @guidance, missing prose and the v1 colon form', async () => {
        expect(await lines(CONTRACT.replace('@invariant Balanced', '@note Balanced'), 'allium.syntax')).toEqual([4]);
        expect(await lines(CONTRACT.replace('@invariant Balanced', '@invariant'), 'allium.syntax')).toEqual([4]);
        expect(await lines(CONTRACT.replace('@invariant Balanced', '@invariant balanced'), 'allium.syntax')).toEqual([4]);
        expect(await lines(CONTRACT.replace('@guidance', '@guidance Storage'), 'allium.syntax')).toEqual([6]);
        expect(await lines(CONTRACT.replace('        -- prefer append-only storage\n', ''), 'allium.syntax')).toEqual([6]);
        expect(await lines('rule R {\n    when: Go()\n    ensures: Done()\n    guidance: -- old style\n}\n', 'allium.syntax')).toEqual([5]);
    });

    it('warns when @guidance is not last, or a clause follows the annotations', async () => {
        const reordered = 'contract Ledger {\n    @guidance\n        -- prefer append-only storage\n    @invariant Balanced\n        -- debits equal credits\n    post: (amount: Decimal) -> Receipt\n}\n';
        expect(await lines(reordered, 'allium.annotation.placement')).toEqual([5, 7]);
    });

    it("lets a surface's related: and timeout: follow its annotations, as the reference's surface template does", async () => {
        const surface = `
entity Invitation {
    status: pending | expired
    expires_at: Timestamp
}

rule Invite {
    when: InvitationSent(expires_at)
    ensures: Invitation.created(status: pending, expires_at: expires_at)
}

rule InvitationExpires {
    when: invitation: Invitation.expires_at <= now
    requires: invitation.status = pending
    ensures: invitation.status = expired
}

surface InvitationView {
    facing recipient: Invitation

    @guarantee SingleUse
        -- An invitation can be accepted only once.

    timeout:
        InvitationExpires
}
`;
        expect(await lines(surface, 'allium.annotation.placement')).toEqual([]);
        expect(await lines(surface.replace('    timeout:', '    exposes:\n        recipient.status\n    timeout:'), 'allium.annotation.placement')).toEqual([25]);
    });
});

describe('when-qualified field validator', () => {
    const DOCUMENT = 'entity Document {\n    status: active | deleted\n    deleted_at: Timestamp when status = deleted\n    transitions status {\n        active -> deleted\n        deleted -> active\n        terminal: deleted\n    }\n}\n'
        + 'rule Delete {\n    when: Remove(document)\n    requires: document.status = active\n    ensures:\n        document.status = deleted\n        document.deleted_at = now\n}\n'
        + 'rule Restore {\n    when: Undo(document)\n    requires: document.status = deleted\n    ensures:\n        document.status = active\n        document.deleted_at = null\n}\n';

    it('accepts rules that set a field entering its states and clear it leaving them', async () => {
        const found = await codes(DOCUMENT);
        expect(found.filter(c => c.startsWith('allium.field.when'))).toEqual([]);
    });

    it('reports a rule entering the states without setting the field, and one leaving them without clearing it', async () => {
        const spec = DOCUMENT.replace('        document.deleted_at = now\n', '').replace('        document.deleted_at = null\n', '');
        expect(await lines(spec, 'allium.field.whenNotSet')).toEqual([15]);
        expect(await lines(spec, 'allium.field.whenNotCleared')).toEqual([21]);
    });

    it('asks nothing of a derived value documented with when, nor of a status set from a binding', async () => {
        const derived = `
entity Alert {
    raised_at: Timestamp
    status: triggered | resolved
    resolved_at: Timestamp when status = resolved
    time_to_resolve: resolved_at - raised_at when status = resolved

    transitions status {
        triggered -> resolved
        terminal: resolved
    }
}

rule Raise {
    when: MonitorFires(service)
    ensures: Alert.created(raised_at: now, status: triggered)
}

rule Resolve {
    when: ResponderResolves(alert)
    requires: alert.status = triggered
    ensures:
        alert.status = resolved
        alert.resolved_at = now
}
`;
        expect((await codes(derived)).filter(c => c.startsWith('allium.field.when'))).toEqual([]);
        expect(await lines(derived.replace('        alert.resolved_at = now\n', ''), 'allium.field.whenNotSet')).not.toEqual([]);
        const fromBinding = `
entity Parcel {
    status: out_for_delivery | delivered | returned
    courier_id: String when status = out_for_delivery | delivered | returned

    transitions status {
        out_for_delivery -> delivered
        out_for_delivery -> returned
        terminal: delivered, returned
    }
}

rule Dispatch {
    when: CourierCollects(courier_id)
    ensures: Parcel.created(status: out_for_delivery, courier_id: courier_id)
}

rule RecordOutcome {
    when: CourierReportsOutcome(parcel, outcome)
    requires: parcel.status = out_for_delivery
    requires: outcome in {delivered, returned}
    ensures: parcel.status = outcome
}
`;
        expect((await codes(fromBinding)).filter(c => c.startsWith('allium.field.when'))).toEqual([]);
    });
});

describe('surface clause validator', () => {
    const SURFACES = 'entity Invite {\n    expires_at: Timestamp\n    status: open | expired\n}\nentity User {\n    name: String\n}\n'
        + 'rule Expire {\n    when: invite: Invite.expires_at <= now\n    requires: invite.status = open\n    ensures: invite.status = expired\n}\n'
        + 'rule Accept {\n    when: AcceptInvite(invite)\n    ensures: invite.status = expired\n}\n'
        + 'surface InviteView {\n    facing user: User\n    context invite: Invite\n    provides:\n        AcceptInvite(invite)\n    related:\n        InviteDetail(invite)\n    timeout:\n        Expire\n}\n'
        + 'surface InviteDetail {\n    facing user: User\n    context invite: Invite\n    exposes:\n        invite.status\n}\n';

    it('accepts a timeout naming a temporal rule and a related surface opened on its context type', async () => {
        const found = await codes(SURFACES);
        expect(found.filter(c => c.startsWith('allium.surface.timeout') || c === 'allium.surface.relatedContextMismatch')).toEqual([]);
    });

    it('reports a timeout naming a non-temporal or unknown rule, and a related surface opened on the wrong type', async () => {
        expect(await lines(SURFACES.replace('        Expire\n', '        Accept\n'), 'allium.surface.timeoutNotTemporal')).toEqual([26]);
        expect(await lines(SURFACES.replace('        Expire\n', '        Vanish\n'), 'allium.surface.timeoutUndefined')).toEqual([26]);
        expect(await lines(SURFACES.replace('InviteDetail(invite)', 'InviteDetail(user)'), 'allium.surface.relatedContextMismatch')).toEqual([24]);
    });

    it('opens a related surface with an actor as the entity that identifies it, and with a variant as its base', async () => {
        expect(await lines(ACTOR_RELATED, 'allium.surface.relatedContextMismatch')).toEqual([]);
        expect(await lines(VARIANT_RELATED, 'allium.surface.relatedContextMismatch')).toEqual([]);
        const wrong = await parseAllium(`-- allium: 3\n${VARIANT_RELATED.replace('context ticket: Ticket', 'context ticket: Agent')}`);
        expect(wrong.diagnostics.filter(d => d.code === 'allium.surface.relatedContextMismatch').map(d => d.message))
            .toEqual(["Surface 'TicketDetail' is opened on an Agent (its context), but this passes an Incident. Pass the Agent."]);
    });
});

const ACTOR_RELATED = `
entity User {
    name: String
    role: interviewer | admin
}

actor Interviewer {
    identified_by: User where role = interviewer
}

surface InterviewerHome {
    facing viewer: Interviewer

    related:
        UserProfile(viewer)
}

surface UserProfile {
    facing visitor: User

    context profile: User

    exposes:
        profile.name
}
`;

const VARIANT_RELATED = `
entity Ticket {
    subject: String
    kind: Incident | Question
}

variant Incident : Ticket { severity: Integer }
variant Question : Ticket { topic: String }

entity Agent {
    current: Incident?
}

surface AgentQueue {
    facing agent: Agent
    related:
        TicketDetail(agent.current) when agent.current != null
}

surface TicketDetail {
    facing agent: Agent
    context ticket: Ticket
    exposes:
        ticket.subject
}
`;

describe('derived value validator', () => {
    it('reads the names of a where condition as fields of the filtered elements', async () => {
        const project = 'entity Project {\n    tasks: Task with project = this\n    open_tasks: tasks where is_open\n    is_open: open_tasks.count > 0\n}\nentity Task {\n    project: Project\n    status: open | done\n    is_open: status = open\n}\n';
        expect(await lines(project, 'allium.derived.circularDependency')).toEqual([]);
        expect(await lines(project.replace('open_tasks: tasks where is_open', 'open_tasks: if is_open: tasks else: tasks'), 'allium.derived.circularDependency')).toEqual([4, 5]);
    });
});
