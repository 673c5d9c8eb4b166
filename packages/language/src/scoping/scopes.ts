import { MultiMap, stream, type AstNodeDescription, type Scope, type Stream } from 'langium';

/** Up to this many names, a look-up scans them: cheaper than building a map that most containers never need. */
const SCAN_LIMIT = 8;

/**
 * The names one container declares, answering as Langium's `MultiMapScope` does (the first of equal names wins,
 * `getElements` lists all of them before the outer scope's, `getAllElements` lists them by name in order of first
 * appearance). Every keystroke builds one per container: most declare a few names (the fields of an entity, the
 * bindings of a rule), and a map per container cost more than the look-ups it served.
 */
export class SymbolScope implements Scope {
    private byName: MultiMap<string, AstNodeDescription> | undefined;

    constructor(private readonly elements: readonly AstNodeDescription[], private readonly outerScope?: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        if (this.elements.length > SCAN_LIMIT) {
            return this.named().get(name)[0] ?? this.outerScope?.getElement(name);
        }
        for (const element of this.elements) {
            if (element.name === name) {
                return element;
            }
        }
        return this.outerScope?.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = stream(this.named().get(name));
        return this.outerScope ? local.concat(this.outerScope.getElements(name)) : local;
    }

    getAllElements(): Stream<AstNodeDescription> {
        const local = this.named().values();
        return this.outerScope ? local.concat(this.outerScope.getAllElements()) : local;
    }

    private named(): MultiMap<string, AstNodeDescription> {
        if (!this.byName) {
            this.byName = new MultiMap();
            for (const element of this.elements) {
                this.byName.add(element.name, element);
            }
        }
        return this.byName;
    }
}

/**
 * Names already keyed by name, before an outer scope, answering as Langium's `MapScope` does; the map is shared by
 * every reference that implies the same names, where a `MapScope` would copy it for each.
 */
export class NamesScope implements Scope {
    constructor(private readonly names: ReadonlyMap<string, AstNodeDescription>, private readonly outerScope: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.get(name) ?? this.outerScope.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const local = this.names.get(name);
        return stream(local ? [local] : []).concat(this.outerScope.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values()).concat(this.outerScope.getAllElements());
    }
}
