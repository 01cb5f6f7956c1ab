/** The rule-id registry (server/src/checks/ruleIds.ts) against docs/rules.md, the configuration schema and the seeds. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/analysis';
import { RULE_IDS, RULES, isRuleId, ruleDocUrl } from '../server/src/checks/ruleIds';
import { shippedCodeKnowledge } from '../server/src/knowledge/load';
import { ROOT } from './support/lsp';

describe('rule ids', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  const sections = [...doc.matchAll(/^## (.+)$/gm)].map((x) => x[1].trim());

  it('every id has a section in docs/rules.md, and every section is an id', () => {
    assert.deepEqual([...sections].sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      assert.ok(ruleDocUrl(id).endsWith(`docs/rules.md#${id}`));
      const body = doc.slice(doc.indexOf(`## ${id}\n`));
      assert.ok(body.includes(RULES[id].zh) && body.includes(RULES[id].en), `the section of ${id} names its titles`);
    }
  });

  it('the configuration schema lists exactly the ids', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'budget-tables.schema.json'), 'utf8')) as { definitions: { ruleId: { enum: string[] } } };
    assert.deepEqual([...schema.definitions.ruleId.enum].sort(), [...RULE_IDS].sort());
  });

  it('every finding over the seeds names a registered id', () => {
    const knowledge = shippedCodeKnowledge();
    const seen = new Set<string>();
    for (const f of readdirSync(join(ROOT, 'seeds')).filter((x) => x.endsWith('.budget'))) {
      for (const x of analyze(readFileSync(join(ROOT, 'seeds', f), 'utf8'), { knowledge }).findings) seen.add(x.rule);
    }
    assert.ok(seen.size >= 3);
    for (const id of seen) assert.ok(isRuleId(id), id);
  });
});
