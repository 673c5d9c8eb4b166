import { createAlliumCoreServices, warmUpParser, type AlliumServices } from '@allium/language';
import { GuardedNodeFileSystem } from '@allium/language/node';

let prepared: AlliumServices | undefined;

/**
 * The services a command checks, formats or draws with. In a process started from the start-up snapshot the first
 * call gets the snapshot's, whose parser is constructed and whose lookahead is warm; every other call gets new ones,
 * so no two commands of a process share documents.
 */
export function coreServices(): AlliumServices {
    const services = prepared ?? createAlliumCoreServices(GuardedNodeFileSystem).Allium;
    prepared = undefined;
    return services;
}

/**
 * Builds the services the next {@link coreServices} call hands out and parses the warm-up specs with them, so that the
 * parser's prediction DFAs are built. Only what depends on nothing but the grammar is kept: the parse results are dropped, no
 * document is created, no file is read (the file system provider is created when first used, after start-up) and nothing
 * random is drawn (Node's UUIDs come from a pool, which would be the same in every process started from the blob).
 */
export function prepareCoreServices(): void {
    const services = createAlliumCoreServices(GuardedNodeFileSystem).Allium;
    warmUpParser(services.parser.LangiumParser);
    prepared = services;
}

