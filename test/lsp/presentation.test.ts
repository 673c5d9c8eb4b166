import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import { corpusFile, positionOf, type Range } from './corpus.js';

interface DocumentSymbol { name: string; kind: number; detail?: string; range: Range; selectionRange: Range; children?: DocumentSymbol[] }
interface FoldingRange { startLine: number; endLine: number; kind?: string }
interface Legend { tokenTypes: string[]; tokenModifiers: string[] }

const LIFECYCLE = corpusFile('juxt-tools/crates__allium-parser__tests__fixtures__v3-lifecycle.allium');

describe('outline, folding and semantic tokens of a corpus spec', () => {
    let client: LspClient;
    let legend: Legend;
    const textDocument = { uri: LIFECYCLE.uri };
    const line = (needle: string, nth = 0) => positionOf(LIFECYCLE.text, needle, 0, nth).line;

    beforeAll(async () => {
        client = new LspClient();
        const capabilities = await client.initialize() as { semanticTokensProvider: { legend: Legend } };
        legend = capabilities.semanticTokensProvider.legend;
        await client.open(LIFECYCLE.uri, LIFECYCLE.text);
        await client.diagnosticsFor(LIFECYCLE.uri);
    });

    afterAll(() => client.dispose());

    it('outlines declarations with their fields, graphs, invariants and clauses', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument });
        expect(symbols.map(s => s.name)).toEqual(['Locale', 'CacheDirective', 'Order', 'Customer', 'Address', 'config', 'ConfirmOrder', 'ShipOrder', 'CancelByCustomer',
            'CancelByTimeout', 'NotifyOnShipment', 'ArchiveDelivered', 'BulkConfirm', 'ProcessCancellation', 'LocaleCheck', 'AllDeliveredHaveTracking', 'Subscription',
            'Admin', 'OrderDashboard', 'HttpResponse', 'Order.fraud_check', 'How should partial shipments interact with the transition graph?']);
        const byName = new Map(symbols.map(s => [s.name, s]));
        expect(byName.get('Order')!.children!.map(c => c.name)).toEqual(['customer', 'status', 'tracking_number', 'shipped_at', 'warehouse_assignment', 'cancelled_at',
            'cancelled_by', 'locale', 'transitions status', 'items', 'active_items', 'is_complete', 'NonNegativeTotal']);
        expect(byName.get('Locale')!.children!.map(c => c.name)).toEqual(['en', 'fr', '`de-CH-1996`', '`pt-BR`']);
        expect(byName.get('config')!.children!.map(c => `${c.name}: ${c.detail}`)).toEqual(['max_retries: Integer = 3', 'cancellation_window: Duration = 48.hours']);
        const confirm = byName.get('ConfirmOrder')!;
        expect(confirm.detail).toBe('ConfirmOrder(order)');
        expect(confirm.children!.map(c => `${c.name}: ${c.detail}`)).toEqual(['when: ConfirmOrder(order)', 'requires: order.status = pending', 'ensures: order.status = confirmed …']);
        expect(byName.get('BulkConfirm')!.children!.map(c => c.name)).toEqual(['when', 'for order in batch.orders where order.status = pending']);
        // Selection ranges sit inside their symbol's range, on the name where there is one.
        const order = byName.get('Order')!;
        expect(order.selectionRange).toEqual({ start: { line: line('entity Order'), character: 7 }, end: { line: line('entity Order'), character: 12 } });
        const inside = (s: DocumentSymbol): boolean => contains(s.range, s.selectionRange) && (s.children ?? []).every(c => contains(s.range, c.range) && inside(c));
        expect(symbols.every(inside)).toBe(true);
    });

    it('folds sections under divider comments, declarations, indented clauses and annotation prose', async () => {
        const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument });
        const has = (startLine: number, endLine: number, kind?: string) => expect(folds).toContainEqual(kind ? { startLine, endLine, kind } : expect.objectContaining({ startLine, endLine }));
        has(line('-- Entity with transition graph') - 1, line('value Address') + 4, 'region');
        has(line('entity Order'), line('invariant NonNegativeTotal'));
        has(line('transitions status {'), line('terminal: delivered, cancelled'));
        has(line('ensures:\n        order.status = confirmed'), line('order.warehouse_assignment = assign_warehouse(order)'));
        const annotated = '-- allium: 3\nrule R {\n    when: Go()\n    ensures: Done()\n    @guidance\n        -- One.\n        -- Two.\n}\n';
        await client.open('file:///presentation/annotated.allium', annotated);
        await client.diagnosticsFor('file:///presentation/annotated.allium');
        const annotationFolds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: 'file:///presentation/annotated.allium' } });
        expect(annotationFolds).toContainEqual({ startLine: 4, endLine: 6, kind: 'region' });
        expect(annotationFolds.filter(f => f.kind === 'comment')).toEqual([]);
    });

    it('folds runs of three or more comment lines, not two, not annotation prose', async () => {
        const uri = 'file:///presentation/comments.allium';
        const text = '-- allium: 3\n-- One.\n-- Two.\n-- Three.\nentity A {\n    -- a\n    -- b\n    note: String\n}\n'
            + 'rule R {\n    when: Go()\n    ensures: Done()\n    @guidance\n        -- One.\n        -- Two.\n        -- Three.\n}\n';
        await client.open(uri, text);
        await client.diagnosticsFor(uri);
        const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        expect(folds.filter(f => f.kind === 'comment')).toEqual([{ startLine: 0, endLine: 3, kind: 'comment' }]);
    });

    it('colours names by meaning: types, fields, enum values, rules, triggers, bindings and config', async () => {
        const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument });
        const tokens = new Map<string, string>();
        const lines = LIFECYCLE.text.split('\n');
        for (let i = 0, l = 0, c = 0; i < data.length; i += 5) {
            l += data[i];
            c = data[i] === 0 ? c + data[i + 1] : data[i + 1];
            const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
            tokens.set(`${l}:${c}`, [legend.tokenTypes[data[i + 3]], ...modifiers].join(' ') + ' ' + lines[l].slice(c, c + data[i + 2]));
        }
        const at = (needle: string, offset: number, nth = 0) => {
            const p = positionOf(LIFECYCLE.text, needle, offset, nth);
            return tokens.get(`${p.line}:${p.character}`);
        };
        expect(at('entity Order', 7)).toBe('class declaration Order');
        expect(at('customer: Customer', 10)).toBe('class Customer');
        expect(at('status: pending', 0)).toBe('property declaration status');
        expect(at('status: pending', 8)).toBe('enumMember pending');
        expect(at('enum Locale', 5)).toBe('enum declaration Locale');
        expect(at('rule ConfirmOrder', 5)).toBe('function declaration ConfirmOrder');
        expect(at('when: ConfirmOrder(order)', 6)).toBe('event ConfirmOrder');
        expect(at('order: Order.created_at', 0)).toBe('parameter declaration order');
        expect(at('config.cancellation_window', 0)).toBe('namespace config');
        expect(at('config.cancellation_window', 7)).toBe('property readonly cancellation_window');
        expect(at('max_retries: Integer', 0)).toBe('property declaration readonly max_retries');
        expect(at('requires: order.status = pending', 25)).toBe('enumMember pending');
        expect(at('pending -> confirmed', 0)).toBe('enumMember pending');
    });
});

function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
