// Random Allium specs built from the grammar's constructs. Names are drawn from small pools so that
// references sometimes resolve and sometimes do not, which exercises the reference's coded findings.

const ENTITIES = ['Order', 'Customer', 'Invoice', 'Ticket', 'Account', 'Shipment'];
const VALUES = ['Money', 'Address', 'Period'];
const ENUMS = ['Priority', 'Channel', 'Tier'];
const LITERALS = ['low', 'medium', 'high', 'email', 'sms', 'gold', 'silver'];
const STATES = ['pending', 'active', 'suspended', 'closed', 'archived'];
const FIELDS = ['name', 'total', 'owner', 'due_at', 'count', 'label', 'note', 'amount'];
const EVENTS = ['Submit', 'Cancel', 'Approve', 'Expire', 'Notify', 'Archive'];
const ACTORS = ['Admin', 'Clerk'];
const PRIMITIVES = ['String', 'Integer', 'Boolean', 'Timestamp', 'Duration', 'Decimal'];

export function generateSpec(rng) {
    const g = new SpecWriter(rng);
    g.line(rng.chance(0.95) ? `-- allium: ${rng.pick(['3', '3', '3', '2', '1'])}` : '-- a spec without a marker');
    g.line('');
    const count = rng.int(2, 7);
    for (let i = 0; i < count; i++) {
        rng.pick([entity, entity, rule, rule, rule, enumDecl, valueDecl, config, surface, actor, misc])(g);
        g.line('');
    }
    return g.text();
}

class SpecWriter {
    constructor(rng) {
        this.rng = rng;
        this.lines = [];
    }
    line(text, depth = 0) {
        this.lines.push('    '.repeat(depth) + text);
    }
    text() {
        return this.lines.join('\n') + '\n';
    }
}

function type(rng) {
    return rng.pick([
        () => rng.pick(PRIMITIVES),
        () => rng.pick(PRIMITIVES) + '?',
        () => rng.pick(ENTITIES),
        () => rng.pick(VALUES),
        () => rng.pick(ENUMS),
        () => `${rng.pick(['Set', 'List'])}<${rng.pick([...ENTITIES, ...PRIMITIVES])}>`,
        () => rng.sample(LITERALS, rng.int(2, 3)).join(' | ')
    ])();
}

function entity(g) {
    const { rng } = g;
    const name = rng.pick(ENTITIES);
    g.line(`${rng.chance(0.1) ? 'external ' : ''}entity ${name} {`);
    for (const field of rng.sample(FIELDS, rng.int(1, 4))) {
        g.line(`${field}: ${type(rng)}`, 1);
    }
    if (rng.chance(0.7)) {
        const states = rng.sample(STATES, rng.int(2, 4));
        g.line(`status: ${states.join(' | ')}`, 1);
        if (rng.chance(0.6)) {
            g.line('', 1);
            g.line('transitions status {', 1);
            for (let i = 0; i + 1 < states.length; i++) {
                g.line(`${states[i]} -> ${states[i + 1]}`, 2);
            }
            if (rng.chance(0.5)) {
                g.line(`terminal: ${states[states.length - 1]}`, 2);
            }
            g.line('}', 1);
        }
    }
    if (rng.chance(0.3)) {
        g.line(`items: ${rng.pick(ENTITIES)} with ${rng.pick(FIELDS)} = this`, 1);
    }
    if (rng.chance(0.3)) {
        g.line(`is_big: ${rng.pick(FIELDS)} > ${rng.int(1, 100)}`, 1);
    }
    if (rng.chance(0.15)) {
        g.line(`invariant Positive${name} {`, 1);
        g.line(`${rng.pick(FIELDS)} >= 0`, 2);
        g.line('}', 1);
    }
    g.line('}');
}

function valueDecl(g) {
    g.line(`value ${g.rng.pick(VALUES)} {`);
    for (const field of g.rng.sample(FIELDS, g.rng.int(1, 3))) {
        g.line(`${field}: ${g.rng.pick(PRIMITIVES)}`, 1);
    }
    g.line('}');
}

function enumDecl(g) {
    g.line(`enum ${g.rng.pick(ENUMS)} { ${g.rng.sample(LITERALS, g.rng.int(2, 4)).join(' | ')} }`);
}

function config(g) {
    g.line('config {');
    for (const key of g.rng.sample(['max_items', 'timeout', 'retries', 'grace'], g.rng.int(1, 3))) {
        g.line(g.rng.pick([`${key}: Integer = ${g.rng.int(1, 9)}`, `${key}: Duration = ${g.rng.int(1, 9)}.days`]), 1);
    }
    g.line('}');
}

function expression(rng, binding) {
    const field = rng.pick(FIELDS);
    return rng.pick([
        () => `${binding}.${field} = ${rng.pick(['"x"', String(rng.int(0, 9)), 'null', 'true'])}`,
        () => `${binding}.status = ${rng.pick(STATES)}`,
        () => `${binding}.${field} > config.${rng.pick(['max_items', 'retries'])}`,
        () => `${binding}.${field} != null and ${binding}.status != ${rng.pick(STATES)}`,
        () => `not exists ${binding}.${field}`,
        () => `${binding}.due_at <= now - ${rng.int(1, 9)}.days`,
        () => `${rng.pick(ENTITIES)}s where ${field} = ${binding} -> count < ${rng.int(1, 5)}`,
        () => `${binding}.${field} in {${rng.sample(LITERALS, 2).join(', ')}}`
    ])();
}

function trigger(rng) {
    const entityName = rng.pick(ENTITIES);
    const binding = entityName.toLowerCase();
    return rng.pick([
        () => ({ text: `${rng.pick(EVENTS)}(${binding}${rng.chance(0.3) ? ', reason?' : ''})`, binding }),
        () => ({ text: `${binding}: ${entityName}.status becomes ${rng.pick(STATES)}`, binding }),
        () => ({ text: `${binding}: ${entityName}.status transitions_to ${rng.pick(STATES)}`, binding }),
        () => ({ text: `${binding}: ${entityName}.created`, binding }),
        () => ({ text: `${binding}: ${entityName}.due_at <= now`, binding })
    ])();
}

function ensures(g, binding, depth) {
    const { rng } = g;
    rng.pick([
        () => g.line(`ensures: ${binding}.status = ${rng.pick(STATES)}`, depth),
        () => g.line(`ensures: ${binding}.${rng.pick(FIELDS)} = ${rng.pick(['now', '"done"', String(rng.int(0, 9))])}`, depth),
        () => g.line(`ensures: ${rng.pick(ENTITIES)}.created(${rng.pick(FIELDS)}: ${binding}.${rng.pick(FIELDS)})`, depth),
        () => g.line(`ensures: ${rng.pick(EVENTS)}(${binding})`, depth),
        () => {
            g.line('ensures:', depth);
            g.line(`${binding}.status = ${rng.pick(STATES)}`, depth + 1);
            g.line(`${rng.pick(EVENTS)}(${binding})`, depth + 1);
        },
        () => {
            g.line(`ensures: if ${expression(rng, binding)}:`, depth);
            g.line(`${binding}.status = ${rng.pick(STATES)}`, depth + 1);
        },
        () => {
            g.line(`let item = ${binding}.${rng.pick(FIELDS)}`, depth);
            g.line(`ensures: item.status = ${rng.pick(STATES)}`, depth);
        }
    ])();
}

function rule(g) {
    const { rng } = g;
    const { text, binding } = trigger(rng);
    g.line(`rule ${rng.pick(EVENTS)}${rng.pick(ENTITIES)} {`);
    g.line(`when: ${text}`, 1);
    if (rng.chance(0.2)) {
        g.line(`@guidance`, 1);
        g.line(`-- ${rng.pick(['why this rule exists', 'keep it simple'])}`, 2);
    }
    for (let i = rng.int(0, 2); i > 0; i--) {
        g.line(`requires: ${expression(rng, binding)}`, 1);
    }
    if (rng.chance(0.3)) {
        const entityName = rng.pick(ENTITIES);
        const x = entityName[0].toLowerCase();
        g.line(`for ${x} in ${entityName}s where ${x}.status = ${rng.pick(STATES)}${rng.chance(0.5) ? `\n${'    '.repeat(2)}and ${x}.${rng.pick(FIELDS)} != null` : ''}:`, 1);
        if (rng.chance(0.5)) {
            g.line(`requires: ${expression(rng, x)}`, 2);
        }
        for (let i = rng.int(1, 3); i > 0; i--) {
            ensures(g, x, 2);
        }
    }
    for (let i = rng.int(1, 3); i > 0; i--) {
        ensures(g, binding, 1);
    }
    g.line('}');
}

function surface(g) {
    const { rng } = g;
    const entityName = rng.pick(ENTITIES);
    const binding = entityName.toLowerCase();
    g.line(`surface ${entityName}View {`);
    g.line(`facing viewer: ${rng.pick([...ACTORS, 'User'])}`, 1);
    g.line(`context ${binding}: ${entityName}`, 1);
    g.line('exposes:', 1);
    if (rng.chance(0.2)) {
        g.line('-- to be decided', 2);
    } else {
        for (const field of rng.sample(FIELDS, rng.int(1, 3))) {
            g.line(`${binding}.${field}`, 2);
        }
    }
    g.line('provides:', 1);
    g.line(`${rng.pick(EVENTS)}(viewer, ${binding})${rng.chance(0.4) ? ` when ${binding}.status = ${rng.pick(STATES)}` : ''}`, 2);
    g.line('}');
}

function actor(g) {
    g.line(`actor ${g.rng.pick(ACTORS)} {`);
    g.line(`identified_by: ${g.rng.pick(ENTITIES)} where ${g.rng.pick(FIELDS)} = "admin"`, 1);
    g.line('}');
}

function misc(g) {
    const { rng } = g;
    rng.pick([
        () => g.line(`open question "${rng.pick(['Who approves?', 'How long to keep?'])}"`),
        () => g.line(`deferred ${rng.pick(ENTITIES)}.${rng.pick(FIELDS)}${rng.chance(0.5) ? ' "see billing.allium"' : ''}`),
        () => g.line(`default ${rng.pick(ENTITIES)} ${rng.pick(['standard', 'basic'])} = { ${rng.pick(FIELDS)}: "x" }`),
        () => g.line(`use "./${rng.pick(['core', 'billing'])}.allium" as ${rng.pick(['core', 'billing'])}`),
        () => {
            g.line('given {');
            g.line(`${rng.pick(['store', 'clock'])}: ${rng.pick(ENTITIES)}`, 1);
            g.line('}');
        },
        () => {
            g.line(`contract ${rng.pick(['Codec', 'Router'])} {`);
            g.line(`${rng.pick(['route', 'encode'])}: (${rng.pick(FIELDS)}: ${type(rng)}) -> ${type(rng)}`, 1);
            g.line('}');
        }
    ])();
}
