/** The languages generation targets, and what the pipeline needs to know of each; the one table of them. */
export interface TargetLanguageInfo {
    /** File extension of its sources, for output that names no file. */
    extension: string;
    /** Line comment leader the region markers are written with. */
    comment: string;
    /** VS Code language id, for highlighting the preview. */
    languageId: string;
    /** Spellings accepted on the command line besides the name. */
    aliases: string[];
}

export const TARGETS = {
    TypeScript: { extension: 'ts', comment: '//', languageId: 'typescript', aliases: ['ts'] },
    Kotlin: { extension: 'kt', comment: '//', languageId: 'kotlin', aliases: ['kt'] },
    Python: { extension: 'py', comment: '#', languageId: 'python', aliases: ['py'] },
    Go: { extension: 'go', comment: '//', languageId: 'go', aliases: ['golang'] },
    Java: { extension: 'java', comment: '//', languageId: 'java', aliases: [] },
    Rust: { extension: 'rs', comment: '//', languageId: 'rust', aliases: ['rs'] }
} as const satisfies Record<string, TargetLanguageInfo>;

export type TargetLanguage = keyof typeof TARGETS;
export const TARGET_LANGUAGES = Object.keys(TARGETS) as TargetLanguage[];

/** The target a user's spelling names (`kotlin`, `ts`), or undefined. */
export function targetLanguageNamed(text: string | undefined): TargetLanguage | undefined {
    const wanted = text?.trim().toLowerCase();
    return TARGET_LANGUAGES.find(l => l.toLowerCase() === wanted || (TARGETS[l].aliases as readonly string[]).includes(wanted ?? ''));
}
