import { EmptyFileSystem, EmptyFileSystemProvider, URI, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices } from '../src/index.js';

const UNUSED_DECLARATION = ['allium.entity.unused', 'allium.definition.unused'];

function uriOf(name: string): URI {
    return URI.parse(`file:///ws/${name}`);
}

function add(shared: LangiumSharedCoreServices, name: string, text: string): LangiumDocument {
    const document = shared.workspace.LangiumDocumentFactory.fromString(`-- allium: 3\n${text}`, uriOf(name));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
}

/** Builds the given files together, as `allium check` on a folder, or an editor's workspace, does. */
async function workspace(files: Record<string, string>): Promise<Map<string, LangiumDocument>> {
    const { shared } = createAlliumCoreServices(EmptyFileSystem);
    const documents = new Map(Object.entries(files).map(([name, text]) => [name, add(shared, name, text)]));
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}

/** `line code` of each finding of `codes`, lines counted from the `-- allium: 3` line. */
function unused(document: LangiumDocument | undefined, codes = UNUSED_DECLARATION): string[] {
    return (document?.diagnostics ?? []).filter(d => codes.includes(String(d.code))).map(d => `${d.range.start.line + 1} ${d.code}`);
}

const CORE_EVENT = `entity InputEvent {
    payload: String
}
`;

describe('declarations used only by files importing them', () => {
    it('are used when an importer names them through its alias, in a trigger, a field type, an ensures or a surface', async () => {
        const docs = await workspace({
            'core.allium': `${CORE_EVENT}
entity EntityMap {
    entries: Set<String>
}

value Active {
    since: Timestamp
}

value Snapshot {
    version: Integer
}

enum Priority { low | medium | high }
`,
            'consumer.allium': `use "./core.allium" as core

entity Record {
    snap: core/Snapshot
    priority: core/Priority
}

rule Handle {
    when: e: core/InputEvent
    ensures: e.payload = "done"
}

rule Activate {
    when: order: Order.placed
    ensures: order.state = core/Active
}

surface Dashboard {
    facing user: User
    exposes:
        core.EntityMap
}
`
        });
        expect(unused(docs.get('core.allium'))).toEqual([]);
    });

    it('are used when an importer names them bare and does not declare them itself, as in a rule body or a contract signature', async () => {
        const docs = await workspace({
            'core.allium': `entity InputPartition {
    current_offset: Integer
}

entity EntityMap {
    entries: Set<String>
}

value EventOutcome {
    success: Boolean
}
`,
            'usher.allium': `use "./core.allium" as core

rule Advance {
    when: record: Record.arrived
    ensures: InputPartition.current_offset = record.offset
}

contract DeterministicEvaluation {
    evaluate: EntityMap
}
`
        });
        // EventOutcome is named by no one.
        expect(unused(docs.get('core.allium'))).toEqual(['10 allium.definition.unused']);
    });

    it('stay unused when the importer declares a name of its own and uses that', async () => {
        const docs = await workspace({
            'shared.allium': `entity Order {
    total: Decimal
}
`,
            'consumer.allium': `use "./shared.allium" as shared

entity Order {
    amount: Decimal
}

rule Process {
    when: o: Order.placed
    ensures: o.amount = 0
}
`
        });
        expect(unused(docs.get('shared.allium'))).toEqual(['2 allium.entity.unused']);
        expect(unused(docs.get('consumer.allium'))).toEqual([]);
    });

    it('stay unused when nothing names them, whatever else of the file importers use', async () => {
        const docs = await workspace({
            'core.allium': `entity Used {
    x: String
}

entity Orphan {
    y: String
}
`,
            'consumer.allium': `use "./core.allium" as core

entity Handler {
    event: core/Used
}
`
        });
        expect(unused(docs.get('core.allium'))).toEqual(['6 allium.entity.unused']);
    });

    it('stay unused when the file is checked alone', async () => {
        const docs = await workspace({ 'core.allium': CORE_EVENT });
        expect(unused(docs.get('core.allium'))).toEqual(['2 allium.entity.unused']);
    });

    it('are used when each is named by a different importer', async () => {
        const docs = await workspace({
            'core.allium': `entity EventA {
    x: String
}

entity EventB {
    y: String
}
`,
            'consumer1.allium': `use "./core.allium" as core

entity Handler1 {
    a: core/EventA
}
`,
            'consumer2.allium': `use "./core.allium" as core

entity Handler2 {
    b: core/EventB
}
`
        });
        expect(unused(docs.get('core.allium'))).toEqual([]);
    });

    it('stay unused when the importer has no alias for the file, so cannot name them', async () => {
        const docs = await workspace({
            'core.allium': CORE_EVENT,
            'consumer.allium': `use "./core.allium"

entity Handler {
    event: InputEvent
}
`
        });
        expect(unused(docs.get('core.allium'))).toEqual(['2 allium.entity.unused']);
    });

    it('stay unused when the alias names another file, one not in the workspace', async () => {
        const docs = await workspace({
            'core.allium': CORE_EVENT,
            'consumer.allium': `use "./other.allium" as other

entity Handler {
    event: other/InputEvent
}
`
        });
        expect(unused(docs.get('core.allium'))).toEqual(['2 allium.entity.unused']);
    });

    it('are found through a path into a subfolder, and through a path without a leading ./', async () => {
        const docs = await workspace({
            'shared/types.allium': `value Money {
    amount: Decimal
    currency: String
}
`,
            'core.allium': `entity Event {
    x: String
}
`,
            'order.allium': `use "./shared/types.allium" as types
use "core.allium" as core

entity Order {
    total: types/Money
    event: core/Event
}
`
        });
        expect(unused(docs.get('shared/types.allium'))).toEqual([]);
        expect(unused(docs.get('core.allium'))).toEqual([]);
    });

    it('are used when a default of an importer is of that type', async () => {
        const docs = await workspace({
            'parent.allium': `value Policy {
    id: String
}
`,
            'fragment.allium': `use "./parent.allium" as gp

default gp/Policy standard = { id: "p1" }
`
        });
        expect(unused(docs.get('parent.allium'))).toEqual([]);
    });
});

describe('entity fields read only by files importing them', () => {
    const TICKETS = `entity Ticket {
    status: open | closed
    due_at: Timestamp
    notes: String
}
`;

    it('are used when an importer reads them as alias/Entity.field, and only through the alias of their file', async () => {
        const docs = await workspace({
            'tickets.allium': TICKETS,
            'other.allium': `entity Unrelated {
    due_at: Timestamp
}
`,
            'sweeper.allium': `use "./tickets.allium" as tickets
use "./other.allium" as other

rule Sweep {
    when: t: tickets/Ticket.due_at <= now
    requires: t.status = open
    ensures: t.status = closed
}
`
        });
        // `notes` is read by no one; `status` only through the binding, which the reference does not follow across files.
        expect(unused(docs.get('tickets.allium'), ['allium.field.unused'])).toEqual(['3 allium.field.unused', '5 allium.field.unused']);
        expect(unused(docs.get('other.allium'), ['allium.field.unused'])).toEqual(['3 allium.field.unused']);
    });
});

/** Files an editor would change on disk: `write` stores the text and reports the change, as a file watcher does. */
class MemoryFiles extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();

    override async stat(uri: URI): Promise<FileSystemNode> {
        return { uri, isFile: true, isDirectory: false };
    }

    override async readFile(uri: URI): Promise<string> {
        return this.texts.get(uri.toString()) ?? '';
    }
}

function editedWorkspace() {
    const files = new MemoryFiles();
    const { shared } = createAlliumCoreServices({ fileSystemProvider: () => files });
    return {
        write: (name: string, text: string) => {
            files.texts.set(uriOf(name).toString(), `-- allium: 3\n${text}`);
            return shared.workspace.DocumentBuilder.update([uriOf(name)], []);
        },
        remove: (name: string) => shared.workspace.DocumentBuilder.update([], [uriOf(name)]),
        current: (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name))
    };
}

describe('an imported file in a workspace being edited', () => {
    // No unresolved names (a built-in type is one): Langium would relink and re-validate it on every change anyway.
    const LEVELS = 'enum Priority { low | high }\n';
    const TASK = 'use "./levels.allium" as levels\n\nentity Task {\n    priority: levels/Priority\n}\n';

    it('is re-validated when an importer starts or stops using its declarations, or is deleted', async () => {
        const { write, remove, current } = editedWorkspace();
        await write('levels.allium', LEVELS);
        expect(unused(current('levels.allium'))).toEqual(['2 allium.definition.unused']);

        await write('task.allium', TASK);
        expect(unused(current('levels.allium'))).toEqual([]);

        await write('task.allium', TASK.replace('levels/Priority', 'Integer'));
        expect(unused(current('levels.allium'))).toEqual(['2 allium.definition.unused']);

        await write('task.allium', TASK);
        expect(unused(current('levels.allium'))).toEqual([]);
        await remove('task.allium');
        expect(unused(current('levels.allium'))).toEqual(['2 allium.definition.unused']);
    });

    it('is not re-validated when an importer changes without changing what it uses', async () => {
        const { write, current } = editedWorkspace();
        await write('levels.allium', LEVELS);
        await write('task.allium', TASK);
        const diagnostics = current('levels.allium')!.diagnostics;

        await write('task.allium', TASK.replace('}', '    backup: levels/Priority\n}'));
        expect(current('levels.allium')!.diagnostics).toBe(diagnostics);
    });

    it('is re-validated when a file built on its own starts importing it', async () => {
        const { shared } = createAlliumCoreServices(EmptyFileSystem);
        const levels = add(shared, 'levels.allium', LEVELS);
        await shared.workspace.DocumentBuilder.build([levels], { validation: true });
        expect(unused(levels)).toEqual(['2 allium.definition.unused']);

        await shared.workspace.DocumentBuilder.build([add(shared, 'task.allium', TASK)], { validation: true });
        expect(unused(levels)).toEqual([]);
    });
});
