// Chevrotain 13 (under Langium 4) calls Object.groupBy, which Node.js only has from v21.
// VS Code's extension host and Node 20 LTS lack it, so provide the standard behaviour.
type GroupBy = <T, K extends PropertyKey>(items: Iterable<T>, key: (item: T, index: number) => K) => Partial<Record<K, T[]>>;

const objectWithGroupBy = Object as unknown as { groupBy?: GroupBy };
if (typeof objectWithGroupBy.groupBy !== 'function') {
    objectWithGroupBy.groupBy = (items, key) => {
        const groups = Object.create(null);
        let index = 0;
        for (const item of items) {
            const k = key(item, index++);
            (groups[k] ??= []).push(item);
        }
        return groups;
    };
}
