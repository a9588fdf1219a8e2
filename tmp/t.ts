import { z } from 'zod';
import { scenarioSchema } from '../simulator/scenario/schema';
const r = scenarioSchema.safeParse({placewise: 2, name: 'x', components: [{id:'a', kind:'cloud', hardware:'x', foo: 1}], workload: {users: 1, per_user_rps: -1, source: 'a'}, pipeline: [{id:'s', compute_ms: {uniform:[5,2]}}, {id:'t', compute_ms: {unif:[5,2]}}, {id:'u', compute_ms: 'abc'}], options: [{id:'o'}], budgets: {latency_ms: {p97: 3}, foo: 2}});
console.log(JSON.stringify(r.error?.issues, null, 1).slice(0, 4000));
console.log(JSON.stringify(z.toJSONSchema(scenarioSchema, {io: 'input'})).length);
