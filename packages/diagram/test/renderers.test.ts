import { describe, expect, it } from 'vitest';
import { buildDiagram, renderD2, renderDiagram, renderMermaid, renderSvg, type Diagram } from '../src/index.js';
import { specSetOf, specSetOnDisk } from '../../../test/support/spec-sets.js';
import { parseSvg, textAt } from './support.js';

const CLINIC = ['core', 'scheduling', 'reminders', 'billing', 'encounters'].map(m => `examples/clinic/${m}.allium`);

describe('SVG', () => {
    it('draws every node and edge of examples/orders as well-formed SVG whose clickable parts open their declarations', async () => {
        const set = await specSetOnDisk('examples/orders/orders.allium');
        const diagram = buildDiagram(set.services, set.modules, 'states');
        const { svg, targets, width, height } = renderSvg(diagram);
        const elements = parseSvg(svg);
        expect(elements[0].name).toBe('svg');
        expect(elements[0].attributes.viewBox).toBe(`0 0 ${width} ${height}`);
        const [group] = diagram.groups;
        const nodes = elements.filter(e => e.attributes['data-node']);
        expect(nodes.map(n => n.attributes['data-node'])).toEqual(group.nodes.map(n => n.id));
        expect(elements.filter(e => e.attributes['data-edge']).map(e => e.attributes['data-edge'])).toEqual(group.edges.map(e => e.id));
        // Terminal states are drawn with a second border and marked by class.
        const delivered = nodes.find(n => n.attributes['data-node'] === 'Order.status.delivered')!;
        expect(delivered.attributes.class).toBe('node state terminal');
        expect(elements.filter(e => e.name === 'rect' && e.parent === delivered)).toHaveLength(2);
        // Each data-target names a declaration whose text is what the element shows.
        const shown = elements.filter(e => e.attributes['data-target'] !== undefined);
        expect(shown.length).toBe(targets.length);
        for (const element of shown) {
            const target = targets[Number(element.attributes['data-target'])];
            const text = textAt(target);
            if (element.attributes['data-node']) {
                expect(text).toBe(element.attributes['data-node'].split('.').pop());
            } else if (element.name === 'tspan') {
                // A rule's name on an edge opens the clause of that rule that takes the edge.
                expect(text).toMatch(/^(order\.status = \w+|status: pending)$/);
            }
        }
        const labels = elements.filter(e => e.name === 'tspan').map(e => e.text);
        expect(labels.sort()).toEqual(['CancelUnpaidOrder', 'ConfirmDelivery', 'PayOrder', 'PlaceOrder', 'ShipOrder']);
        // Every edge has a path laid out by dagre.
        for (const path of elements.filter(e => e.name === 'path' && e.parent?.attributes['data-edge'])) {
            expect(path.attributes.d).toMatch(/^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+)+$/);
        }
    });

    it('embeds its stylesheet only when standalone, and stacks the groups of the clinic set without overlap', async () => {
        const set = await specSetOnDisk(...CLINIC);
        const diagram = buildDiagram(set.services, set.modules, 'states');
        expect(renderSvg(diagram).svg).not.toContain('<style>');
        const { text: svg, format, targets } = renderDiagram(diagram, 'svg', true);
        expect(format).toBe('svg');
        expect(targets.length).toBeGreaterThan(0);
        const elements = parseSvg(svg);
        expect(elements.find(e => e.name === 'style')?.text).toContain('.allium-diagram .edge.undeclared path');
        const offsets = elements.filter(e => e.attributes['data-group']).map(e => Number(/translate\([\d.]+,([\d.]+)\)/.exec(e.attributes.transform)![1]));
        expect(offsets).toHaveLength(diagram.groups.length);
        expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
        expect(new Set(offsets).size).toBe(offsets.length);
    });

    it('escapes what a spec writes: a condition with quotes and angle brackets stays text', async () => {
        const set = await specSetOf({
            'm.allium': '-- allium: 3\nentity Job {\n    name: String\n    due: Timestamp\n}\nrule Warn {\n    when: job: Job.due <= now\n    requires: job.name != "<b>&\'"\n    ensures: Alerted(job: job)\n}\nrule Odd {\n    when: job: Job.name = "<script>x</script>"\n    ensures: Alerted(job: job)\n}\n'
        });
        const { svg } = renderSvg(buildDiagram(set.services, set.modules, 'flow'));
        const elements = parseSvg(svg);
        expect(svg).not.toContain('<script>');
        expect(elements.some(e => e.name === 'text' && e.text === 'Job.name = "<script>x</script>"')).toBe(true);
        expect(elements.some(e => e.name === 'script')).toBe(false);
    });

    it('says so when there is nothing to draw', async () => {
        const set = await specSetOf({ 'm.allium': '-- allium: 3\nentity A {\n    n: Integer\n}\n' });
        const { svg } = renderSvg(buildDiagram(set.services, set.modules, 'states'));
        expect(parseSvg(svg).find(e => e.attributes.class === 'empty')?.text).toBe('No entity here declares transitions.');
    });
});

describe('Mermaid and D2', () => {
    it('writes the orders state machine as a composite state of stateDiagram-v2 and as a D2 container', async () => {
        const set = await specSetOnDisk('examples/orders/orders.allium');
        const diagram = buildDiagram(set.services, set.modules, 'states');
        expect(renderMermaid(diagram)).toBe(`stateDiagram-v2
    state "Order.status" as g0 {
        state "pending" as n1
        state "paid" as n2
        state "shipped" as n3
        state "delivered" as n4
        state "cancelled" as n5
        n1 --> n2 : PayOrder
        n1 --> n5 : CancelUnpaidOrder
        n2 --> n3 : ShipOrder
        n3 --> n4 : ConfirmDelivery
        [*] --> n1 : PlaceOrder
        n4 --> [*]
        n5 --> [*]
    }
`);
        expect(renderD2(diagram)).toBe(`direction: right
g0: "Order.status" {
  n0: "" {shape: circle; width: 14; style.fill: black}
  n1: "pending" {shape: oval}
  n2: "paid" {shape: oval}
  n3: "shipped" {shape: oval}
  n4: "delivered" {shape: oval; style.double-border: true}
  n5: "cancelled" {shape: oval; style.double-border: true}
  n1 -> n2: "PayOrder"
  n1 -> n5: "CancelUnpaidOrder"
  n2 -> n3: "ShipOrder"
  n3 -> n4: "ConfirmDelivery"
  n0 -> n1: "PlaceOrder"
}
`);
    });

    it('writes the flow with a shape per kind, emitted triggers dashed, and labels quoted for each format', async () => {
        const diagram: Diagram = {
            kind: 'flow', groups: [{
                id: 'flow', title: 'Event flow', nodes: [
                    { id: 's', label: 'Desk', kind: 'surface' },
                    { id: 't', label: 'Book', kind: 'trigger', detail: 'scheduling' },
                    { id: 'r', label: 'Book', kind: 'rule' },
                    { id: 'c', label: 'Slot.name = "a\\b"', kind: 'condition' }
                ], edges: [
                    { id: 'e1', from: 's', to: 't', kind: 'provides', labels: [] },
                    { id: 'e2', from: 't', to: 'r', kind: 'triggers', labels: [] },
                    { id: 'e3', from: 'r', to: 't', kind: 'emits', labels: [] },
                    { id: 'e4', from: 'c', to: 'r', kind: 'triggers', labels: [] }
                ]
            }]
        };
        const mermaid = renderMermaid(diagram);
        expect(mermaid).toContain('    n0[["Desk"]]\n    n1(["Book<br/><small>scheduling</small>"])\n    n2["Book"]\n    n3>"Slot.name = #quot;a\\b#quot;"]\n');
        expect(mermaid).toContain('    n0 --> n1\n    n1 --> n2\n    n2 -.-> n1\n    n3 --> n2\n');
        const d2 = renderD2(diagram);
        expect(d2).toContain('n3: "Slot.name = \\"a\\\\b\\"" {shape: parallelogram}');
        expect(d2).toContain('n1: "Book\\nscheduling" {shape: oval; style.fill: "#fff8c5"}');
        expect(d2).toContain('n2 -> n1 {style.stroke-dash: 3}');
    });

    it('marks an undeclared move in both formats', async () => {
        const set = await specSetOf({
            'm.allium': '-- allium: 3\nentity T {\n    status: a | b | c\n    transitions status {\n        a -> b\n        b -> c\n    }\n}\nrule Skip {\n    when: Skip(t)\n    requires: t.status = a\n    ensures: t.status = c\n}\n'
        });
        const diagram = buildDiagram(set.services, set.modules, 'states');
        expect(renderMermaid(diagram)).toContain('n0 --> n2 : Skip (not declared)');
        expect(renderD2(diagram)).toContain('n0 -> n2: "Skip" {style.stroke-dash: 3; style.stroke: red}');
    });
});
