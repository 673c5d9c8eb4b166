// Checks one file in a fresh process and reports its peak resident memory.
import { Checker } from '../packages/cli/out/check.js';

await new Checker().check([process.argv[2]]);
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
