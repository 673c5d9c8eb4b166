// Opens the VS Code web client in headless Chromium with the extension-test payload (as VS Code's own browser
// integration runner does) and exits with the tests' exit code. A test asks for a screenshot by logging
// `[[screenshot:<name>]]`; it is saved to test-output/e2e/<name>.png.
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const path = require('node:path');

const [extensionDevelopmentPath, extensionTestsPath, folder, port] = process.argv.slice(2);
const host = `127.0.0.1:${port}`;
const remote = p => `vscode-remote://${host}${p}`;
const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)], ['extensionTestsPath', remote(extensionTestsPath)], ['skipWelcome', 'true']];
const url = `http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const screenshots = path.resolve(__dirname, '../../test-output/e2e');

(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium', headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Errors in the page and its frames (webviews) reach the log: a broken preview script shows up here.
    page.on('pageerror', error => console.log(`[e2e] page error: ${error.message}`));
    page.on('console', message => {
        const text = message.text();
        if (message.type() === 'error' && /preview\.js|webview/i.test(`${text} ${message.location()?.url ?? ''}`)) {
            console.log(`[e2e] webview console error: ${text.slice(0, 300)}`);
        }
        const shot = /\[\[screenshot:([\w-]+)\]\]/.exec(text);
        const click = /\[\[click:(.+)\]\]/.exec(text);
        if (click) {
            // Webviews live in nested iframes: click the first frame's element matching the selector, as a user would.
            (async () => {
                for (const frame of page.frames()) {
                    const element = await frame.$(click[1]).catch(() => null);
                    if (element) {
                        await element.click({ timeout: 5000 });
                        console.log(`[e2e] clicked ${click[1]}`);
                        return;
                    }
                }
                console.log(`[e2e] nothing to click for ${click[1]}`);
            })().catch(error => console.log(`[e2e] click failed: ${error.message.split('\n')[0]}`));
        } else if (shot) {
            page.screenshot({ path: path.join(screenshots, `${shot[1]}.png`) }).then(() => console.log(`screenshot ${shot[1]}.png`), () => undefined);
        } else if (/^\s*(✓|✔|\d+ passing|\d+ failing|[0-9]+\)|Error|AssertionError|  )/.test(text) || text.startsWith('[e2e]')) {
            console.log(text);
        }
    });
    const done = new Promise(resolve => page.exposeFunction('codeAutomationExit', code => resolve(code)));
    await page.goto(url);
    // The whole run, every scenario: eight of them take over three minutes on a loaded machine (each test has mocha's own limit).
    const code = await Promise.race([done, new Promise(resolve => setTimeout(() => resolve('timeout'), 480_000))]);
    console.log(`extension tests finished: ${code}`);
    await browser.close();
    process.exit(code === 0 ? 0 : 1);
})().catch(error => {
    console.error(error);
    process.exit(1);
});
