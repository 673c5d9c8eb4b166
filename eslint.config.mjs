// ESLint (flat config): typescript-eslint's recommended rules, without type information so that it stays fast enough
// to run with every `npm test` (`npm run lint`, cached). Who may import whom is test/architecture/import-rules.test.ts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    { ignores: ['**/out/**', '**/node_modules/**', 'packages/language/src/generated/**', 'test/e2e/**', 'test-output/**', '**/*.cjs'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
        }
    },
    {
        // TypeScript checks names itself.
        files: ['**/*.ts'],
        rules: { 'no-undef': 'off' }
    },
    {
        files: ['packages/client/src/preview/**'],
        languageOptions: { globals: { ...globals.browser } }
    }
);
