import { describe, expect, it } from 'vitest';
import { reflection, type NameRef } from '../src/generated/ast.js';
import { isLeaf, LEAF_TYPES } from '../src/ast/leaf-types.js';

describe('leaf types', () => {
    it('are extended by no other type, so comparing $type tests them as the generated guards do', () => {
        for (const type of LEAF_TYPES) {
            expect(reflection.getAllSubTypes(type), type).toEqual([type]);
        }
    });

    it('tests a node by its own type only', () => {
        const ref = { $type: 'NameRef' } as NameRef;
        expect(isLeaf(ref, 'NameRef')).toBe(true);
        expect(isLeaf(ref, 'MemberAccess')).toBe(false);
        expect(isLeaf(undefined, 'NameRef')).toBe(false);
    });
});
