/**
 * What the constructs of an Allium spec oblige an implementation to do, in the system prompt so that the model reads
 * the spec as its authors mean it. Kept short: each line is a rule a reviewer would otherwise have to catch.
 */
export const ALLIUM_SEMANTICS = `How to read Allium:
- A rule fires on its \`when:\` trigger. Every \`requires:\` must hold or the rule does nothing (reject the request; do not partially apply it). All \`ensures:\` take effect together, as one atomic state change.
- In \`ensures:\`, the right-hand sides and conditions read the state before the rule fired; \`x.f = v\` is the value after. Order of ensures lines does not matter.
- \`Entity.created(field: value, ...)\` is the only way an entity comes into existence; nothing else creates one. An ensures that names a trigger (\`SendEmail(to: ...)\`) emits that event for the rules listening to it.
- \`transitions field { a -> b ... }\` is the complete graph of legal changes of that field: any other change is an error the code must refuse. States listed under \`terminal:\` have no way out.
- A field declared \`f: T when status = a | b\` exists exactly while the status is one of those states: it must be set on entering them and cleared on leaving them; model it so it cannot be read in other states.
- A temporal trigger (\`when: x: Entity.deadline <= now\`) fires once per entity when the time is reached, not on every check; its \`requires:\` guard keeps it from firing again.
- \`config { name: Type = default }\` are deployment parameters with defaults, not constants to inline. \`given { ... }\` names what the module's rules can reach everywhere.
- Value types compare by their fields; entities by identity. An enum's values are the only legal values of a field of that type. \`variant V : Base\` is one case of a sum type whose cases the code must handle exhaustively.
- A surface is the exact contract with one actor: \`exposes:\` is everything the actor may see, \`provides:\` every action it may take (with its \`when\` condition); expose and accept nothing more. \`facing\` names the actor, \`context\` the entity the surface is about.
- A contract's signatures are the interface an external party implements or calls; \`demands\`/\`fulfils\` say which side.
- \`invariant\` and \`@invariant\` state properties that must hold in every reachable state: enforce them and test them. \`@guarantee\` is a promise the code must keep. \`@guidance\` is the author's instruction for how to implement: follow it.
- An \`open question\` is not decided: do not decide it silently; implement the smallest behaviour that leaves it open and list your assumption. A comment tagged \`RESOLVED:\` or \`DECISION:\` is settled: follow it.
- \`deferred X\` is specified elsewhere: call it through an interface and do not implement it.`;
