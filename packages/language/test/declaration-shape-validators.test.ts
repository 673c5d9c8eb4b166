import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices, parseAllium } from '../src/index.js';

async function lines(text: string, code: string): Promise<number[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
}

/** Diagnostics of `code` in the last of `files`, validated together in one workspace. */
async function linesAcross(files: Record<string, string>, code: string): Promise<number[]> {
    const { shared } = createAlliumCoreServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) =>
        shared.workspace.LangiumDocumentFactory.fromString(`-- allium: 3\n${text}`, URI.parse(`file:///ws/${name}`)));
    documents.forEach(d => shared.workspace.LangiumDocuments.addDocument(d));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const last = documents[documents.length - 1];
    return (last.diagnostics ?? []).filter(d => d.code === code).map(d => d.range.start.line + 1);
}

describe('default instance types', () => {
    it('accepts declared, enum, built-in and imported types', async () => {
        const spec = `
use "./roles.allium" as roles

entity Role {
    name: String
}

enum Priority { low | high }

default Role viewer = { name: "viewer" }
default Priority standard = low
default String greeting = "hello"
default roles/Role admin = { name: "admin" }
`;
        expect(await lines(spec, 'allium.default.undefinedType')).toEqual([]);
        expect(await lines(spec, 'allium.reference.undefinedImportedAlias')).toEqual([]);
    });

    it('reports an undeclared type and an alias no use declares', async () => {
        const spec = `
entity Role {
    name: String
}

default Rol viewer = { name: "viewer" }
default perms/Role admin = { name: "admin" }
`;
        expect(await lines(spec, 'allium.default.undefinedType')).toEqual([7]);
        // The reference checker reports the alias, under its code for every `alias/Name`.
        expect(await lines(spec, 'allium.reference.undefinedImportedAlias')).toEqual([8]);
        expect(await lines(spec, 'allium.default.undefinedType')).toEqual([7]);
    });

    it('reports a qualified type the imported module does not declare, and an imported type left unqualified', async () => {
        const files = {
            'roles.allium': 'entity Role {\n    name: String\n}\n',
            'app.allium': 'use "./roles.allium" as roles\n\ndefault roles/Role viewer = { name: "viewer" }\ndefault roles/Rank top = { name: "top" }\ndefault Role admin = { name: "admin" }\n'
        };
        expect(await linesAcross(files, 'allium.default.undefinedType')).toEqual([6]);
        expect(await linesAcross(files, 'allium.reference.unknownName')).toEqual([5]);
    });
});

const ORDER = `
enum Carrier { post | courier }

entity Order {
    status: pending | shipped | cancelled
    carrier: Carrier
}

default Order sample = { status: pending, carrier: post }
`;

describe('status values set by rules', () => {
    it('accepts values of the field and bindings in scope', async () => {
        const spec = `${ORDER}
given {
    fallback: Carrier
}

rule Ship {
    when: ShipOrder(order, chosen)
    let preferred = order.carrier
    ensures:
        order.status = shipped
        order.carrier = chosen
        if order.status = pending:
            order.carrier = preferred
        else:
            order.carrier = fallback
}

rule Cancel {
    when: order: Order.status becomes shipped
    ensures: order.status = cancelled
}
`;
        expect(await lines(spec, 'allium.status.undefinedValue')).toEqual([]);
    });

    it('reports a name that is neither a value of the field nor a binding', async () => {
        const spec = `${ORDER}
rule Ship {
    when: ShipOrder(order)
    ensures:
        order.status = shipd
        if order.status = pending:
            order.carrier = pigeon
}

rule Cancel {
    when: order: Order.status becomes shipped
    ensures: order.status = canceled
}
`;
        expect(await lines(spec, 'allium.status.undefinedValue')).toEqual([15, 17, 22]);
    });

    it('reads the values of an imported enum, but not of a same-named type in an unrelated file', async () => {
        const files = {
            'shipping.allium': 'enum Carrier { post | courier }\n',
            'invitations.allium': 'entity Invitation {\n    status: pending | accepted\n}\n',
            'app.allium': `use "./shipping.allium" as shipping

entity Order {
    carrier: shipping/Carrier
}

rule Ship {
    when: ShipOrder(order)
    ensures: order.carrier = pigeon
}

rule Expire {
    when: ExpireInvitation(invitation)
    ensures: invitation.status = expired
}
`
        };
        expect(await linesAcross(files, 'allium.status.undefinedValue')).toEqual([10]);
    });

    it('leaves fields whose type is not known alone', async () => {
        const spec = `
rule Touch {
    when: Ping(thing)
    ensures: thing.status = whatever
}
`;
        expect(await lines(spec, 'allium.status.undefinedValue')).toEqual([]);
    });
});

describe('config parameters', () => {
    it('accepts typed parameters with and without defaults, qualified and expression defaults', async () => {
        const spec = `
use "./core.allium" as core

config {
    instance_id: String
    max_attempts: Integer = 5
    retry_limit: Integer = max_attempts - 1
    publish_delay: Duration = core/config.publish_delay * 2
    tags: List<String> = []
    deadline: Timestamp?
}

core/config {
    publish_delay: 5.minutes
}
`;
        expect(await lines(spec, 'allium.config.invalidParameter')).toEqual([]);
    });

    it('reports parameters without a type', async () => {
        const spec = `
config {
    max_attempts: 5
    publish_delay: core/config.publish_delay
    mode: fast = fast
    window:
}
`;
        expect(await lines(spec, 'allium.config.invalidParameter')).toEqual([4, 5, 6, 7]);
    });
});

describe('relationships', () => {
    it('accepts singular targets linked back to this, and where filters without this', async () => {
        const spec = `
entity Candidacy {
    slots: InterviewSlot with candidacy = this
    invitation: Invitation with candidacy = this
    confirmed_slots: slots where status = confirmed
}

entity InterviewSlot {
    candidacy: Candidacy
    status: pending | confirmed
}

entity Invitation {
    candidacy: Candidacy
}

entity User {
    role: admin | guest
}

actor Admin {
    identified_by: User where this.role = admin
}
`;
        expect(await lines(spec, 'allium.relationship.missingBackreference')).toEqual([]);
        expect(await lines(spec, 'allium.where.thisReference')).toEqual([]);
        expect(await lines(spec, 'allium.relationship.nonSingularTarget')).toEqual([]);
    });

    it('reports a relationship without this, a where with this and a plural target', async () => {
        const spec = `
entity Candidacy {
    slots: InterviewSlot with status = pending
    mine: InterviewSlots with candidacy = this
    own_slots: slots where candidacy = this
    categories: Categories with candidacy = this
}

entity InterviewSlot {
    candidacy: Candidacy
    status: pending | confirmed
}

entity Category {
    candidacy: Candidacy
}

entity InterviewSlots {
    candidacy: Candidacy
}

rule Sweep {
    when: Tick()
    for slot in InterviewSlots where candidacy = this:
        ensures: slot.status = pending
}
`;
        expect(await lines(spec, 'allium.relationship.missingBackreference')).toEqual([4]);
        expect(await lines(spec, 'allium.where.thisReference')).toEqual([6, 25]);
        expect(await lines(spec, 'allium.relationship.nonSingularTarget')).toEqual([5, 7]);
    });

    it('leaves undeclared and singular-looking targets to the type checks', async () => {
        const spec = `
entity Team {
    members: Persons with team = this
    status: Status with team = this
}

entity Status {
    team: Team
}
`;
        expect(await lines(spec, 'allium.relationship.nonSingularTarget')).toEqual([]);
    });
});
