/** JSON with every object's keys in alphabetical order, the order the reference prints them in. */
export function canonicalJson(value: unknown, indent?: number): string {
    return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sortKeys);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map(k => [k, sortKeys((value as Record<string, unknown>)[k])]));
    }
    return value;
}
