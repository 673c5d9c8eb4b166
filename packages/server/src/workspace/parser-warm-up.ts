import { warmUpParser } from '@allium/language';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Warms each language's parser once the client has sent `initialized`, in the time the editor takes to open its
 * first documents: the first document read otherwise paid for building the lookahead of every decision it reached
 * (docs/performance.md). After the handshake, so that the reply to `initialize` is not held up; a `didOpen` that
 * comes meanwhile waits for one parse of the warm-up specs at most.
 */
export function warmUpParsersWhenInitialized(shared: LangiumSharedServices): void {
    shared.lsp.LanguageServer.onInitialized(() => setImmediate(() => {
        for (const services of shared.ServiceRegistry.all) {
            warmUpParser(services.parser.LangiumParser);
        }
    }));
}
