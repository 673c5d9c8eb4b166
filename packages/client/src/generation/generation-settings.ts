import * as vscode from 'vscode';
import { API_KEY_SECRET, GENERATE_SECTION, Settings, targetLanguageNamed, type SettingName } from '@allium/generate/streaming';

/** The `allium.generate.*` settings, defaults from the protocol module; `maxTokens` 0 means the model's own default (models.ts). */
export function generationSettings() {
    const config = vscode.workspace.getConfiguration(GENERATE_SECTION);
    const get = <N extends SettingName & `${typeof GENERATE_SECTION}.${string}`>(name: N) => config.get(name.slice(GENERATE_SECTION.length + 1), Settings[name]);
    const maxTokens = get('allium.generate.maxTokens');
    return {
        targetLanguage: targetLanguageNamed(get('allium.generate.targetLanguage')) ?? Settings['allium.generate.targetLanguage'],
        model: get('allium.generate.model') || Settings['allium.generate.model'],
        maxTokens: maxTokens > 0 ? maxTokens : undefined,
        maxRounds: Math.max(1, get('allium.generate.maxRounds')),
        idleTimeoutSeconds: Math.max(1, get('allium.generate.idleTimeoutSeconds')),
        baseUrl: get('allium.generate.baseUrl'),
        extraInstructions: get('allium.generate.extraInstructions'),
        outputFolder: get('allium.generate.outputFolder') || Settings['allium.generate.outputFolder']
    };
}

export async function apiKey(context: vscode.ExtensionContext): Promise<string | undefined> {
    return (await context.secrets.get(API_KEY_SECRET)) || process.env.ANTHROPIC_API_KEY || undefined;
}
