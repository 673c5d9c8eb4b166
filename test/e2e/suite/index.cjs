// The extension-tests entry point (@vscode/test-electron's run() contract): runs every scenario with mocha.
const path = require('node:path');
const fs = require('node:fs');
const Mocha = require('mocha');

exports.run = function run() {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    const only = process.env.ALLIUM_E2E_SUITE;
    // Scenarios run in the order of their numbers (10 after 9); ALLIUM_E2E_SUITE=N runs scenario N alone.
    const number = file => Number.parseInt(file, 10);
    for (const file of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.cjs')).sort((a, b) => number(a) - number(b))) {
        if (!only || number(file) === Number(only)) {
            mocha.addFile(path.join(__dirname, file));
        }
    }
    // The reporter's lines do not reach the terminal from a remote extension host; the error that ends the run does.
    const failed = [];
    return new Promise((resolve, reject) => mocha.run(failures => failures > 0 ? reject(new Error(`${failures} scenario(s) failed:\n${failed.join('\n')}`)) : resolve())
        .on('fail', (test, error) => failed.push(`- ${test.fullTitle()}: ${error.message}`)));
};
