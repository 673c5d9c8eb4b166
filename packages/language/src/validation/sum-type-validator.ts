import { IssueCodes } from '../diagnostics/catalogue.js';
import { AstUtils, MultiMap, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { nodesOf, nodesOfType } from '../ast-nodes.js';
import { discriminatorFields, fieldsOf, identName, variantsByBase } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';
import { pathOf } from '../ast/names.js';

type SpecTypes = AlliumServices['typing']['SpecTypes'];

/** A base entity with variants: its discriminator fields, and which variants declare each field the base lacks. */
interface SumType {
    discriminators: string[];
    variantsByField: Map<string, string[]>;
}

/**
 * `Branch : Node { ... }` at the top level is a variant declaration without its `variant` keyword. The parser
 * skips the line after its first token (see line-recovery.ts); this names what was meant.
 */
export function checkMissingVariantKeyword(module: ast.Module, accept: ValidationAcceptor): void {
    const text = module.$cstNode?.root.fullText ?? '';
    for (const stray of module.strays) {
        const offset = stray.$cstNode?.offset ?? -1;
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const line = /^[ \t]*([A-Z]\w*)[ \t]*:[ \t]*([A-Z]\w*)[ \t]*\{/.exec(text.slice(lineStart, offset + 200));
        if (offset >= 0 && line && lineStart + line[0].indexOf(line[1]) === offset) {
            const [, name, base] = line;
            accept('error', `'${name} : ${base}' is written like a variant of '${base}' but lacks the 'variant' keyword, so it declares nothing. Write 'variant ${name} : ${base} { ... }'.`,
                { node: stray, code: IssueCodes.SumMissingVariantKeyword });
        }
    }
}

/**
 * Every variant of a base entity is listed in a discriminator field of the base (`kind: Branch | Leaf`); a base
 * that lists none of its variants has no way to tell them apart.
 */
export function checkMissingDiscriminator(module: ast.Module, accept: ValidationAcceptor): void {
    for (const entity of module.declarations.filter(ast.isEntityDecl).filter(e => !e.external)) {
        const variants = variantsByBase(module).get(entity.name)?.map(v => v.name);
        const listed = new Set(fieldsOf(entity.items).flatMap(f => pipeRefs(f.value)).map(n => n.ref.$refText));
        // A base with a discriminator that misses some variant is reported as allium.sum.variantMissingInDiscriminator.
        if (variants && discriminatorFields(entity.items).length === 0 && !variants.some(v => listed.has(v))) {
            accept('error', `'${entity.name}' is extended by ${variants.map(v => `'${v}'`).join(', ')}, but no field of '${entity.name}' lists its variants. Add a discriminator field that lists every variant, e.g. 'kind: ${variants.join(' | ')}${variants.length === 1 ? ' | ...' : ''}'.`,
                { node: entity, property: 'name', code: IssueCodes.SumMissingDiscriminator });
        }
    }
}

/**
 * A field declared only on some variants exists only once a rule has narrowed its base-typed binding to one of
 * them: in a `requires:` on the discriminator (`node.kind = Branch`), or inside an `if` that tests it. Any
 * test of the discriminator counts as narrowing, and a binding whose type is unknown is left alone.
 */
export function unguardedVariantFieldCheck(services: AlliumServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const types = services.typing.SpecTypes;
        const sums = sumTypes(module, types);
        if (sums.size === 0) {
            return;
        }
        const variantFields = new Set([...sums.values()].flatMap(s => [...s.variantsByField.keys()]));
        const discriminators = new Set([...sums.values()].flatMap(s => s.discriminators));
        const accesses = membersByRule(module, variantFields);
        const tests = membersByRule(module, discriminators);
        for (const [rule, inRule] of accesses.entriesGroupedByKey()) {
            const guards = guardRegions(rule, tests.get(rule));
            narrowLoopsByFilter(rule, discriminators, guards);
            for (const access of inRule) {
                checkAccess(access, sums, guards, types, accept);
            }
        }
    };
}

function checkAccess(access: ast.MemberAccess, sums: Map<AstNode, SumType>, guards: Map<string, Set<AstNode>>, types: SpecTypes, accept: ValidationAcceptor): void {
    const path = pathOf(access.receiver);
    // The guard test is cheaper than working out what the receiver denotes.
    const denoted = path !== undefined && !isGuarded(access, guards.get(path)) ? types.denote(access.receiver) : undefined;
    const base = denoted?.kind === 'instance' ? denoted.type : undefined;
    const sum = base && sums.get(base);
    const variants = sum?.variantsByField.get(access.member.$refText);
    if (!base || !sum || !variants) {
        return;
    }
    const field = access.member.$refText;
    const guard = `${path}.${sum.discriminators[0]} = ${variants[0]}`;
    const owners = variants.length === 1 ? `variant '${variants[0]}'` : `variants ${variants.map(v => `'${v}'`).join(', ')}`;
    accept('error', `'${field}' exists only on ${owners} of '${base.name}', but '${path}' is not narrowed to a variant here. Guard the access with 'requires: ${guard}' or 'if ${guard}:'.`,
        { node: access, property: 'member', code: IssueCodes.SumUnguardedVariantFieldAccess });
}

/** Base entities of this file's variants that have a discriminator, keyed by the base's declaration. */
function sumTypes(module: ast.Module, types: SpecTypes): Map<AstNode, SumType> {
    const sums = new Map<AstNode, SumType>();
    for (const variant of module.declarations.filter(ast.isVariantDecl)) {
        const base = types.findType(variant.base, variant);
        if (!ast.isEntityDecl(base)) {
            continue;
        }
        const sum = sums.get(base) ?? { discriminators: discriminatorFields(base.items).map(f => f.name), variantsByField: new Map() };
        sums.set(base, sum);
        for (const field of new Set(fieldsOf(variant.items).map(f => f.name))) {
            if (!types.field(base, field)) {
                sum.variantsByField.set(field, [...sum.variantsByField.get(field) ?? [], variant.name]);
            }
        }
    }
    for (const [base, sum] of sums) {
        dropSharedFields(base as ast.EntityDecl, sum);
        if (sum.discriminators.length === 0 || sum.variantsByField.size === 0) {
            sums.delete(base);
        }
    }
    return sums;
}

/** A field every listed variant declares is there whichever variant the instance is. */
function dropSharedFields(base: ast.EntityDecl, sum: SumType): void {
    const listed = new Set(fieldsOf(base.items).filter(f => sum.discriminators.includes(f.name)).flatMap(f => pipeRefs(f.value)).map(n => n.ref.$refText));
    for (const [field, variants] of sum.variantsByField) {
        if ([...listed].every(v => variants.includes(v))) {
            sum.variantsByField.delete(field);
        }
    }
}

/**
 * `for n in user.notifications where kind = Mention:` tests each element's discriminator by its bare name, as `where`
 * conditions name the element's fields, so the loop variable is narrowed inside the loop.
 */
function narrowLoopsByFilter(rule: ast.RuleDecl, discriminators: Set<string>, regions: Map<string, Set<AstNode>>): void {
    for (const loop of nodesOf(rule).filter((n): n is ast.ForBlock | ast.ForExpr => ast.isForBlock(n) || ast.isForExpr(n))) {
        const tested = loop.filter && nodesOf(loop.filter).some(n => discriminators.has(identName(n) ?? ''));
        if (tested && loop.binding.names.length === 1) {
            const name = loop.binding.names[0].name;
            regions.set(name, (regions.get(name) ?? new Set()).add(loop));
        }
    }
}

/**
 * For each binding whose discriminator a rule tests (`node` of `node.kind`), the nodes the test narrows: the whole
 * rule for a `requires:`, `let` or trigger, else the `if`, `for ... where`, `when` guard or boolean operator around it.
 */
function guardRegions(rule: ast.RuleDecl, tests: readonly ast.MemberAccess[]): Map<string, Set<AstNode>> {
    const regions = new Map<string, Set<AstNode>>();
    const add = (key: string, region: AstNode) => regions.set(key, (regions.get(key) ?? new Set()).add(region));
    for (const node of tests) {
        const path = pathOf(node.receiver);
        const region = path !== undefined ? regionOf(node, rule) : undefined;
        if (path === undefined || !region) {
            continue;
        }
        add(path, region);
        const trigger = region === rule ? AstUtils.getContainerOfType(node, ast.isTrigger) : undefined;
        if (trigger?.binding) {
            // `when: node: Node.kind becomes Branch` narrows the binding, not the type name it is written with.
            add(trigger.binding.name, rule);
        }
    }
    return regions;
}

/** The `x.member` accesses of each rule whose member is one of `members`. */
function membersByRule(module: ast.Module, members: Set<string>): MultiMap<ast.RuleDecl, ast.MemberAccess> {
    const byRule = new MultiMap<ast.RuleDecl, ast.MemberAccess>();
    for (const access of nodesOfType<ast.MemberAccess>(module, 'MemberAccess')) {
        const rule = members.has(access.member.$refText) ? AstUtils.getContainerOfType(access, ast.isRuleDecl) : undefined;
        if (rule) {
            byRule.add(rule, access);
        }
    }
    return byRule;
}

function regionOf(test: AstNode, rule: ast.RuleDecl): AstNode | undefined {
    let region: AstNode | undefined;
    for (let child = test, node = test.$container; node && node !== rule; child = node, node = node.$container) {
        const narrowed = narrowedBy(node, child, rule);
        if (narrowed === rule) {
            return rule;
        }
        region = narrowed ?? region;
    }
    return region;
}

const LOGICAL = new Set(['and', 'or', 'implies']);

/**
 * What a discriminator test in `child` of `node` narrows. Switched on `$type`: this runs for every level above every
 * test, and the generated `isX` guards each ask the type hierarchy.
 */
function narrowedBy(node: AstNode, child: AstNode, rule: ast.RuleDecl): AstNode | undefined {
    switch (node.$type) {
        case ast.Assignment.$type:
            return (node as ast.Assignment).name === 'requires' ? rule : undefined;
        case ast.LetItem.$type:
        case ast.LetExpr.$type:
        case ast.TriggerClause.$type:
            return rule;
        case ast.IfBlockBranch.$type:
        case ast.CondBranch.$type:
            return (node as ast.IfBlockBranch | ast.CondBranch).condition === child ? node.$container : undefined;
        case ast.ForBlock.$type:
        case ast.ForExpr.$type:
            return (node as ast.ForBlock | ast.ForExpr).filter === child ? node : undefined;
        case ast.WhenGuard.$type:
        case ast.Filter.$type:
            return (node as ast.WhenGuard | ast.Filter).condition === child ? node : undefined;
        case ast.BinaryExpr.$type:
            return LOGICAL.has((node as ast.BinaryExpr).operator) ? node : undefined;
        default:
            return undefined;
    }
}

function isGuarded(access: AstNode, regions: Set<AstNode> | undefined): boolean {
    for (let node: AstNode | undefined = access; node && regions; node = node.$container) {
        if (regions.has(node)) {
            return true;
        }
    }
    return false;
}
