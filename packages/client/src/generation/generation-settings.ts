import * as vscode from 'vscode';
import { DEFAULT_MODEL, targetLanguageNamed } from '@allium/generate/streaming';

export const API_KEY_SECRET = 'allium.anthropicApiKey';

/** The `allium.generate.*` settings; `maxTokens` 0 means the model's own default (models.ts). */
export function generationSettings() {
    const config = vscode.workspace.getConfiguration('allium.generate');
    const maxTokens = config.get<number>('maxTokens', 0);
    return {
        targetLanguage: targetLanguageNamed(config.get<string>('targetLanguage')) ?? 'TypeScript',
        model: config.get<string>('model', DEFAULT_MODEL) || DEFAULT_MODEL,
        maxTokens: maxTokens > 0 ? maxTokens : undefined,
        maxRounds: Math.max(1, config.get<number>('maxRounds', 4)),
        idleTimeoutSeconds: Math.max(1, config.get<number>('idleTimeoutSeconds', 60)),
        baseUrl: config.get<string>('baseUrl', ''),
        extraInstructions: config.get<string>('extraInstructions', ''),
        outputFolder: config.get<string>('outputFolder', 'generated') || 'generated'
    };
}

export async function apiKey(context: vscode.ExtensionContext): Promise<string | undefined> {
    return (await context.secrets.get(API_KEY_SECRET)) || process.env.ANTHROPIC_API_KEY || undefined;
}
