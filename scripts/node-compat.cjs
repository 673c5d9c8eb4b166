// Preloaded (node -r) for build tools that need Object.groupBy on Node 20; see packages/language/src/node-compat.ts.
if (typeof Object.groupBy !== 'function') {
    Object.groupBy = (items, key) => {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const k = key(item, index++);
            (groups[k] ??= []).push(item);
        }
        return groups;
    };
}
