import { describe, expect, it } from 'vitest';
import { runStepsUntil } from '../../packages/server/src/workspace/parser-warm-up.js';

// The server's parser warm-up runs one spec per turn of the event loop and stops once a document is open, so that a
// document opened at start-up waits for one warm-up parse at most.
describe('parser warm-up steps', () => {
    it('runs every step, in order, when nothing stops it', async () => {
        const done: number[] = [];
        const ran = await runStepsUntil([0, 1, 2].map(i => () => { done.push(i); }), () => false);
        expect(ran).toBe(3);
        expect(done).toEqual([0, 1, 2]);
    });

    it('stops before the next step once the condition holds, and lets messages in between steps', async () => {
        let opened = false;
        const done: number[] = [];
        const steps = [0, 1, 2, 3].map(i => () => {
            done.push(i);
            // A message arriving while step 0 runs is handled before step 1 is due.
            if (i === 0) setImmediate(() => { opened = true; });
        });
        const ran = await runStepsUntil(steps, () => opened);
        expect(done).toEqual([0]);
        expect(ran).toBe(1);
    });
});
