import { afterEach, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

const URI = 'file:///ws/modes.allium';
const SPEC = `-- allium: 3
entity Invite {
    expires_at: Timestamp
    status: open | expired
}

rule Expire {
    when: invite: Invite.expires_at <= now
    ensures: invite.status = expired
}

open question "Who may extend an invite?"
`;

const EXTENDED = ['allium.openQuestion.present', 'allium.temporal.missingGuard'];

function codes(diagnostics: Array<{ code?: unknown }>): string[] {
    return diagnostics.map(d => String(d.code)).filter(c => EXTENDED.includes(c)).sort();
}

describe('diagnostics mode', () => {
    let client: LspClient;

    afterEach(() => client.dispose());

    it('reports every check by default, and only the reference checker\'s when the editor asks for reference mode', async () => {
        client = new LspClient();
        await client.initialize(undefined, { initializationOptions: { diagnosticsMode: 'reference' } });
        await client.open(URI, SPEC);
        const reference = await client.diagnosticsFor(URI);
        expect(codes(reference)).toEqual([]);
        expect(reference.map(d => d.code)).toContain('allium.status.unreachableValue');

        const next = client.nextDiagnostics(URI);
        await client.notify('workspace/didChangeConfiguration', { settings: { allium: { diagnostics: { mode: 'strict' } } } });
        expect(codes(await next)).toEqual(EXTENDED);
    });

    it('keeps editing in strict mode with the extended checks, and links every finding to its entry of docs/diagnostics.md', async () => {
        client = new LspClient();
        await client.initialize();
        await client.open(URI, SPEC);
        await client.diagnosticsFor(URI);
        const next = client.nextDiagnostics(URI);
        await client.change(URI, SPEC.replace('Who may', 'Who can'), 2);
        const edited = await next;
        expect(codes(edited)).toEqual(EXTENDED);
        for (const d of edited as Array<{ code?: unknown; codeDescription?: { href: string } }>) {
            expect(d.codeDescription?.href).toMatch(new RegExp(`/docs/diagnostics\\.md#${String(d.code).toLowerCase().replace(/\./g, '')}$`));
        }
    });

    it('leaves out the temporal guard warning in relaxed mode', async () => {
        client = new LspClient();
        await client.initialize(undefined, { initializationOptions: { diagnosticsMode: 'relaxed' } });
        await client.open(URI, SPEC);
        expect(codes(await client.diagnosticsFor(URI))).toEqual(['allium.openQuestion.present']);
    });
});
