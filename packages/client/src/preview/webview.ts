// Runs inside the preview webview: renders streamed files with highlighting, links regions to spec clauses.
import hljs from 'highlight.js/lib/core';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import kotlin from 'highlight.js/lib/languages/kotlin';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import typescript from 'highlight.js/lib/languages/typescript';
import type { FromWebview, ToWebview, PreviewFile, PreviewRegion, PreviewState } from '../generation/preview-protocol.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

for (const [name, language] of Object.entries({ go, java, kotlin, python, rust, typescript })) {
    hljs.registerLanguage(name, language);
}

const vscode = acquireVsCodeApi();
const filesElement = document.getElementById('files')!;
const statusElement = document.getElementById('status')!;
const summaryElement = document.getElementById('summary')!;
const actionsElement = document.getElementById('actions')!;
const notesElement = document.getElementById('notes')!;
const cancelButton = document.getElementById('cancel') as HTMLButtonElement;
cancelButton.onclick = () => vscode.postMessage({ type: 'cancel' });

const style = document.createElement('style');
style.textContent = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); margin: 0; }
.line { white-space: pre; padding-left: 4px; border-left: 3px solid transparent; }
.line.linked { border-left-color: var(--vscode-editorGutter-modifiedBackground, #1b81a8); cursor: pointer; }
.line.active { background: var(--vscode-editor-selectionHighlightBackground, rgba(173,214,255,.3)); }
h3 { font-size: 1em; margin: 1em 0 .3em; }
#status.incomplete { color: var(--vscode-errorForeground); }
.hljs-keyword, .hljs-built_in { color: var(--vscode-symbolIcon-keywordForeground, #569cd6); }
.hljs-string { color: var(--vscode-debugTokenExpression-string, #ce9178); }
.hljs-comment { color: var(--vscode-descriptionForeground, #6a9955); font-style: italic; }
.hljs-number, .hljs-literal { color: var(--vscode-debugTokenExpression-number, #b5cea8); }
.hljs-title, .hljs-type { color: var(--vscode-symbolIcon-classForeground, #4ec9b0); }`;
document.head.appendChild(style);

let regions: PreviewRegion[] = [];
let activeClauses = new Set<string>();

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

function highlight(line: string, language: string): string {
    // highlight.js escapes the code it is given; plain text is escaped here.
    return hljs.getLanguage(language) ? hljs.highlight(line, { language, ignoreIllegals: true }).value : escapeHtml(line);
}

function renderFile(file: PreviewFile, index: number): void {
    let section = filesElement.children[index] as HTMLElement | undefined;
    if (!section) {
        section = document.createElement('section');
        section.innerHTML = '<h3></h3><pre></pre>';
        filesElement.appendChild(section);
    }
    section.querySelector('h3')!.textContent = file.path;
    const pre = section.querySelector('pre')!;
    const lines = file.text.split('\n');
    // Lines already shown stay; the last (possibly partial) one and new ones are (re)rendered.
    while (pre.children.length > 0 && pre.children.length >= lines.length) {
        pre.lastElementChild!.remove();
    }
    if (pre.children.length > 0) {
        pre.lastElementChild!.remove();
    }
    for (let i = pre.children.length; i < lines.length; i++) {
        const div = document.createElement('div');
        div.className = 'line';
        div.dataset.line = String(i);
        div.innerHTML = highlight(lines[i], file.language) || ' ';
        pre.appendChild(div);
    }
}

function regionsAt(file: string, line: number): PreviewRegion[] {
    return regions.filter(r => r.file === file && line >= r.startLine && line < Math.max(r.endLine, r.startLine + 1))
        .sort((a, b) => (a.endLine - a.startLine) - (b.endLine - b.startLine));
}

function decorate(files: PreviewFile[]): void {
    files.forEach((file, index) => {
        const pre = filesElement.children[index]?.querySelector('pre');
        pre?.querySelectorAll<HTMLElement>('.line').forEach(div => {
            const here = regionsAt(file.path, Number(div.dataset.line));
            div.classList.toggle('linked', here.length > 0);
            div.classList.toggle('active', here.some(r => activeClauses.has(r.clauseId)));
            div.title = here.length ? `Implements ${here[0].clauseId} (click to show in the spec)` : '';
            div.tabIndex = here.length && (here[0].startLine === Number(div.dataset.line)) ? 0 : -1;
            div.setAttribute('aria-label', here.length ? `Code of ${here[0].clauseId}` : '');
            div.onkeydown = here.length ? event => { if (event.key === 'Enter') { vscode.postMessage({ type: 'reveal', clauseId: here[0].clauseId }); } } : null;
            div.onclick = here.length ? () => vscode.postMessage({ type: 'reveal', clauseId: here[0].clauseId }) : null;
        });
    });
}

/** Buttons for what can be done next: apply, and after a failure its way forward. */
function renderActions(state: PreviewState): void {
    actionsElement.replaceChildren(...(state.done ? state.actions : []).map(action => {
        const button = document.createElement('button');
        button.textContent = action.label;
        button.onclick = () => vscode.postMessage({ type: 'action', action: action.id });
        return button;
    }));
}

/** The model's notes and assumptions, apart from the code: they are never written to a file. */
function renderNotes(state: PreviewState): void {
    const parts: HTMLElement[] = [];
    if (state.assumptions?.length) {
        const heading = document.createElement('h3');
        heading.textContent = 'Assumptions about open questions (review them)';
        const list = document.createElement('ul');
        list.replaceChildren(...state.assumptions.map(text => Object.assign(document.createElement('li'), { textContent: text })));
        parts.push(heading, list);
    }
    if (state.notes) {
        const heading = document.createElement('h3');
        heading.textContent = 'Notes from the model (not written to any file)';
        parts.push(heading, Object.assign(document.createElement('pre'), { textContent: state.notes, className: 'notes' }));
    }
    notesElement.replaceChildren(...parts);
}

/** The coverage summary, and the files applied, each a link that opens it. */
function renderSummary(state: PreviewState): void {
    const links = (state.applied ?? []).map(file => {
        const link = Object.assign(document.createElement('a'), { textContent: file.path, href: '#', tabIndex: 0 });
        link.onclick = event => { event.preventDefault(); vscode.postMessage({ type: 'open', uri: file.uri }); };
        return link;
    });
    summaryElement.replaceChildren(document.createTextNode(state.summary ?? ''), ...links.flatMap(l => [document.createTextNode(' '), l]));
}

let lastFiles: PreviewFile[] = [];
window.addEventListener('message', event => {
    const message = event.data as ToWebview;
    if (message.type === 'state') {
        regions = message.regions;
        lastFiles = message.files;
        message.files.forEach(renderFile);
        decorate(message.files);
        statusElement.textContent = message.incomplete ? `${message.status} ${message.incomplete}` : message.status;
        statusElement.className = message.incomplete ? 'incomplete' : '';
        renderSummary(message);
        renderNotes(message);
        renderActions(message);
        cancelButton.disabled = message.done;
    } else if (message.type === 'highlight') {
        activeClauses = new Set(message.clauseIds);
        decorate(lastFiles);
        document.querySelector('.line.active')?.scrollIntoView({ block: 'nearest' });
    }
});
