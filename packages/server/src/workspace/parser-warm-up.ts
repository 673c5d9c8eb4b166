import { parserWarmUps } from '@allium/language';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Warms each language's parser once the client has sent `initialized`, in the time the editor takes to open its
 * first documents: the first document read otherwise paid for building the lookahead of every decision it reached
 * (docs/performance.md). After the handshake, so that the reply to `initialize` is not held up; one spec per turn
 * of the event loop, and no more once a document is open: that document warms the parser as it is read, and
 * waiting for the rest of the warm-up would only delay its diagnostics (by about 100 ms, measured on the 1 MB spec).
 */
export function warmUpParsersWhenInitialized(shared: LangiumSharedServices): void {
    let documentOpened = false;
    const opening = shared.workspace.TextDocuments.onDidOpen(() => { documentOpened = true; });
    shared.lsp.LanguageServer.onInitialized(() => {
        const steps = shared.ServiceRegistry.all.flatMap(services => parserWarmUps(services.parser.LangiumParser));
        void runStepsUntil(steps, () => documentOpened).then(() => opening.dispose());
    });
}

/** Runs the steps one per macrotask, so that messages are read between them, until `stop` holds; resolves to the number run. */
export async function runStepsUntil(steps: ReadonlyArray<() => void>, stop: () => boolean): Promise<number> {
    let ran = 0;
    for (const step of steps) {
        await new Promise(resolve => setImmediate(resolve));
        if (stop()) {
            break;
        }
        step();
        ran++;
    }
    return ran;
}
