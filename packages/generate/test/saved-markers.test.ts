import { describe, expect, it } from 'vitest';
import { ClauseLinkParser, scanMarkers, textWithMarkers } from '../src/index.js';

function parse(answer: string) {
    const parser = new ClauseLinkParser();
    parser.feed(answer);
    parser.end();
    return parser;
}

describe('saved files keep their markers', () => {
    const answer = [
        '=== FILE: src/ship.kt ===',
        'package orders',
        '',
        '// @allium-begin rule:ShipOrder -- the rule as a whole',
        'fun ship(order: Order) {',
        '    /* @allium-begin rule:ShipOrder/requires#1 */',
        '    require(order.status == Status.PAID)',
        '    // @allium-end',
        '    order.status = Status.SHIPPED',
        '}',
        '// @allium-end rule:ShipOrder',
        '=== FILE: app.py ===',
        '# @allium-begin config',
        'TIMEOUT = 30',
        '# @allium-end config',
        '=== FILE: package.json ===',
        '{ "name": "orders" }',
        ''
    ].join('\n');
    const resolve = (id: string) => `orders::${id}`;

    it('writes each region back in one short form with the listed id, nested as it was', () => {
        const parser = parse(answer);
        const [kotlin, python, json] = parser.files.map(f => textWithMarkers(f, parser.regions, resolve));
        expect(kotlin).toBe([
            'package orders',
            '',
            '// @allium-begin orders::rule:ShipOrder',
            'fun ship(order: Order) {',
            '    // @allium-begin orders::rule:ShipOrder/requires#1',
            '    require(order.status == Status.PAID)',
            '    // @allium-end orders::rule:ShipOrder/requires#1',
            '    order.status = Status.SHIPPED',
            '}',
            '// @allium-end orders::rule:ShipOrder',
            ''
        ].join('\n'));
        expect(python).toBe('# @allium-begin orders::config\nTIMEOUT = 30\n# @allium-end orders::config\n');
        expect(json).toBe('{ "name": "orders" }\n');
    });

    it('reads back, from the saved text, the regions the stream gave', () => {
        const parser = parse(answer);
        const saved = textWithMarkers(parser.files[0], parser.regions, resolve);
        expect(scanMarkers(saved).map(r => [r.id, r.beginLine, r.endLine, r.complete])).toEqual([
            ['orders::rule:ShipOrder', 2, 9, true],
            ['orders::rule:ShipOrder/requires#1', 4, 6, true]
        ]);
        expect(parse(`=== FILE: src/ship.kt ===\n${saved}`).files[0].text).toBe(parser.files[0].text);
    });

    it('finds markers of any leader, unclosed regions to the end of the file, and nothing in plain code', () => {
        const text = 'a\n-- @allium-begin x::rule:A\nb\n    #@allium-begin x::rule:A/when\nc\n    # @allium-end x::rule:A/when\nd\n';
        expect(scanMarkers(text)).toEqual([
            { id: 'x::rule:A', beginLine: 1, endLine: 7, complete: false },
            { id: 'x::rule:A/when', beginLine: 3, endLine: 5, complete: true }
        ]);
        expect(scanMarkers('const note = "see @allium-begin in the docs";\n')).toEqual([]);
    });
});
