import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { Checker } from '../src/check.js';

// Baselines match findings on the declaration they are in, so each finding must name the right one: the first, one in
// the middle, the last, and two declarations sharing a line (the first of them).
const SPEC = `-- allium: 3
entity First {
    name: String
}

entity Middle {
    name: String
}
entity Left { size: Integer } entity Right { size: Integer }

entity Last {
    name: String
}
`;

describe('the declaration of a finding', () => {
    it('is the top-level declaration whose lines hold it', async () => {
        const file = path.join(tempDir('allium-check-declarations'), 'spec.allium');
        writeFileSync(file, SPEC);
        const findings = await new Checker().check([file], path.dirname(file));
        const unused = findings.filter(f => f.code === 'allium.entity.unused').map(f => [f.line, f.declaration]);
        expect(unused).toEqual([[2, 'entity:First'], [6, 'entity:Middle'], [9, 'entity:Left'], [9, 'entity:Left'], [11, 'entity:Last']]);
    });
});
