const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, until, screenshot } = require('./support.cjs');

/** Clicks `selector` in the webview (the driver clicks as a user would) until `done` holds: the diagram may still be drawing. */
async function clickUntil(selector, done, what) {
    for (let attempt = 0; attempt < 15; attempt++) {
        console.log(`[[click:${selector}]]`);
        const reached = await until(done, what, 2000).catch(() => undefined);
        if (reached) {
            return reached;
        }
    }
    throw new Error(`clicking ${selector} never gave ${what}`);
}

function cursorAt(uri, line, character) {
    return () => {
        const editor = vscode.window.activeTextEditor;
        return editor && editor.document.uri.toString() === uri.toString() && editor.selection.start.line === line
            && (character === undefined || editor.selection.start.character === character);
    };
}

describe('Scenario 8: the diagram of examples/orders, clickable and live', () => {
    it('renders the state machine, opens a state and a rule from it, redraws after an edit to transitions, draws the flow and a folder', async () => {
        // The repository's own examples/orders, copied into the workspace as they are.
        const examples = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID).extensionUri, 'examples', 'orders');
        const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'diagram-orders');
        for (const name of ['orders.allium', 'payments.allium']) {
            await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, name), vscode.Uri.joinPath(folder, name), { overwrite: true });
        }
        const uri = vscode.Uri.joinPath(folder, 'orders.allium');
        try {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            const document = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
            await vscode.commands.executeCommand('allium.showDiagram');
            const tab = await until(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label === 'Diagram: orders.allium'), 'the diagram tab');
            assert.notStrictEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the diagram opens beside the spec');

            // A state opens where it is declared: `paid` in `status: pending | paid | ...`.
            const text = document.getText();
            const statusLine = document.positionAt(text.indexOf('status: pending | paid')).line;
            const paid = document.positionAt(text.indexOf('paid', text.indexOf('status: pending | paid'))).character;
            await clickUntil('[data-node="Order.status.paid"]', cursorAt(uri, statusLine, paid), 'the cursor on the declaration of paid');
            await screenshot('scenario-8-diagram');

            // An edge's rule opens the clause that takes it: PayOrder's `ensures: order.status = paid`.
            const ensures = document.positionAt(text.indexOf('ensures: order.status = paid') + 'ensures: '.length);
            await clickUntil('[data-edge="Order.status:pending->paid"] tspan', cursorAt(uri, ensures.line, ensures.character), 'the cursor on PayOrder\'s ensures');

            // An edit to `transitions` (unsaved) redraws the diagram: the new state is there to click.
            const after = document.positionAt(text.indexOf('paid -> shipped') + 'paid -> shipped'.length);
            const edit = new vscode.WorkspaceEdit();
            edit.insert(uri, after, '\n        paid -> refunded');
            assert.ok(await vscode.workspace.applyEdit(edit));
            const refunded = document.positionAt(document.getText().indexOf('paid -> refunded') + 'paid -> '.length);
            await clickUntil('[data-node="Order.status.refunded"]', cursorAt(uri, refunded.line, refunded.character), 'the cursor on the new state refunded');
            await screenshot('scenario-8-redrawn');
            // Saved, so that closing the editors asks nothing; the copy is deleted at the end.
            await document.save();

            // The event flow of the same spec set, across use: a trigger opens where its rule listens, in payments.allium.
            console.log('[[click:#kind-flow]]');
            const payments = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'payments.allium'));
            const listens = payments.positionAt(payments.getText().indexOf('AuthorisePayment(order_ref, amount)'));
            await clickUntil('[data-node="trigger:payments::AuthorisePayment"]', cursorAt(payments.uri, listens.line, listens.character), 'the cursor where AuthorisePayment is listened to');
            await screenshot('scenario-8-flow');

            // A folder's spec set, as from the explorer: payments.allium's own entity is drawn too.
            await vscode.commands.executeCommand('allium.showDiagram', folder);
            await until(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label === 'Diagram: diagram-orders/'), 'the folder diagram tab');
            const captured = payments.positionAt(payments.getText().indexOf('captured', payments.getText().indexOf('status: authorised')));
            await clickUntil('[data-node="Payment.status.captured"]', cursorAt(payments.uri, captured.line, captured.character), 'the cursor on captured in payments.allium');
            // The driver saves the page after a moment; the editors must still be there.
            await new Promise(resolve => setTimeout(resolve, 1500));
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            await vscode.workspace.fs.delete(folder, { recursive: true });
        }
    });
});
