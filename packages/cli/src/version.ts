/** Set by the bundler from packages/cli/package.json. */
declare const ALLIUM_CLI_VERSION: string | undefined;

/** The CLI package's version, as `allium --version` and SARIF output name it. */
export const CLI_VERSION = typeof ALLIUM_CLI_VERSION === 'string' ? ALLIUM_CLI_VERSION : '0.0.0-dev';
