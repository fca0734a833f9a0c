// The entity-linking test set (test/fixtures/ner-linking/cases.json, issue 18 item 7): each case's
// articles go through the real pieces in order (the text layer, the committed model, linking inside
// the article, then one registry shared by the case's articles), and the expectations are checked on
// the entities of the referenced occurrences. Used by test/integration/ner-linking-cases.test.ts
// (memory and Redis registries) and by `npm run eval:ner:linking` (the count of cases that pass).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EntityMention } from '../../src/schema/entities.js';
import type { NerModel } from '../../src/nlp/ner/index.js';
import { prepareMentions, resolveEntityIds } from '../../src/nlp/ner/index.js';
import { analyseText } from '../../src/nlp/text/index.js';
import type { EntityRegistry } from '../../src/store/entity-registry.js';
import { projectPath } from '../../src/paths.js';

const RefSchema = z.object({ a: z.number().int().min(0), text: z.string().min(1), nth: z.number().int().min(0).default(0) });
const EntityTypeSchema = z.enum(['PER', 'ORG', 'LOC', 'MISC']);
/** `known`: why an expectation is known not to hold yet (the test then requires that it still fails). */
const Known = { known: z.string().min(1).optional() };
const ExpectationSchema = z.union([
  z.object({ span: RefSchema, is: z.string().min(1), ...Known }).strict(),
  z.object({ type: RefSchema, is: EntityTypeSchema, ...Known }).strict(),
  z.object({ notType: RefSchema, is: EntityTypeSchema, ...Known }).strict(),
  z.object({ canonical: RefSchema, is: z.string().min(1), ...Known }).strict(),
  z.object({ same: z.array(RefSchema).min(2), ...Known }).strict(),
  z.object({ different: z.array(RefSchema).min(2), ...Known }).strict(),
]);
const CaseSchema = z.object({
  name: z.string().min(1),
  failure: z.enum(['hyphen', 'surname', 'canonical', 'capital', 'positive']),
  articles: z.array(z.string().min(1)).min(1),
  expect: z.array(ExpectationSchema).min(1),
});
const CasesFileSchema = z.object({ note: z.string(), cases: z.array(CaseSchema).min(1) });

export type LinkingCase = z.infer<typeof CaseSchema>;
type Ref = z.infer<typeof RefSchema>;
type Expectation = z.infer<typeof ExpectationSchema>;

export const LINKING_CASES_FILE = 'test/fixtures/ner-linking/cases.json';

export function loadLinkingCases(path = projectPath(LINKING_CASES_FILE)): LinkingCase[] {
  const parsed = CasesFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  for (const c of parsed.data.cases) {
    for (const ref of refsOf(c.expect)) {
      if (ref.a >= c.articles.length) throw new Error(`${path}: case «${c.name}» refers to article ${ref.a} of ${c.articles.length}`);
    }
  }
  return parsed.data.cases;
}

function refsOf(expectations: readonly Expectation[]): Ref[] {
  return expectations.flatMap((e) => {
    if ('same' in e) return e.same;
    if ('different' in e) return e.different;
    if ('span' in e) return [e.span];
    if ('type' in e) return [e.type];
    if ('notType' in e) return [e.notType];
    return [e.canonical];
  });
}

/** What one case gave: each article's record entities, and the expectations that did not hold. */
export interface CaseOutcome {
  name: string;
  failure: LinkingCase['failure'];
  entities: EntityMention[][];
  /** Expectations not marked `known` that did not hold. */
  problems: string[];
  /** Expectations marked `known` that did not hold (as expected), with the reason given. */
  knownProblems: string[];
  /** Expectations marked `known` that hold now: the mark should go. */
  knownButHolding: string[];
}

/** Runs one case's articles in order through the model, linking and `registry`. */
export async function runLinkingCase(c: LinkingCase, model: NerModel, registry: EntityRegistry, articlePrefix: string): Promise<CaseOutcome> {
  const entities: EntityMention[][] = [];
  for (const [k, text] of c.articles.entries()) {
    const prepared = prepareMentions(analyseText(text), text, model);
    const ids = await registry.resolveArticle(`${articlePrefix}${k}`, prepared.entities);
    entities.push(resolveEntityIds(prepared, ids));
  }
  const outcome: CaseOutcome = { name: c.name, failure: c.failure, entities, problems: [], knownProblems: [], knownButHolding: [] };
  for (const e of c.expect) {
    const problems = checkExpectation(c, e, entities);
    if (!e.known) outcome.problems.push(...problems);
    else if (problems.length > 0) outcome.knownProblems.push(...problems.map((p) => `${p} (known: ${e.known})`));
    else outcome.knownButHolding.push(`${JSON.stringify(e)} holds now`);
  }
  return outcome;
}

function describeRef(ref: Ref): string {
  return `«${ref.text}»#${ref.nth} in article ${ref.a}`;
}

function checkExpectation(c: LinkingCase, e: Expectation, entities: readonly EntityMention[][]): string[] {
  const problems: string[] = [];
  const find = (ref: Ref): EntityMention | undefined => {
    const text = c.articles[ref.a]!;
    let at = -1;
    for (let k = 0; k <= ref.nth; k++) {
      at = text.indexOf(ref.text, at + 1);
      if (at < 0) throw new Error(`case «${c.name}»: ${describeRef(ref)} does not occur`);
    }
    return entities[ref.a]!.find((e) => e.start <= at && e.end > at);
  };
  const found = (ref: Ref): EntityMention | null => {
    const mention = find(ref);
    if (!mention) problems.push(`${describeRef(ref)}: no entity there`);
    return mention ?? null;
  };
  if ('span' in e) {
    const m = found(e.span);
    if (m && m.text !== e.is) problems.push(`${describeRef(e.span)}: span «${m.text}», expected «${e.is}»`);
  } else if ('type' in e) {
    const m = found(e.type);
    if (m && m.type !== e.is) problems.push(`${describeRef(e.type)}: type ${m.type} («${m.text}»), expected ${e.is}`);
  } else if ('notType' in e) {
    // An occurrence left untagged is no person either.
    const m = find(e.notType);
    if (m && m.type === e.is) problems.push(`${describeRef(e.notType)}: tagged ${m.type} («${m.text}»)`);
  } else if ('canonical' in e) {
    const m = found(e.canonical);
    if (m && m.canonical !== e.is) problems.push(`${describeRef(e.canonical)}: canonical «${m.canonical}», expected «${e.is}»`);
  } else if ('same' in e) {
    const mentions = e.same.map(found);
    const ids = new Set(mentions.map((m) => m?.entityId));
    if (mentions.every((m) => m) && ids.size > 1) {
      problems.push(`same entity expected: ${e.same.map((r, k) => `${describeRef(r)} = ${mentions[k]!.entityId} («${mentions[k]!.canonical}»)`).join(', ')}`);
    }
  } else {
    const mentions = e.different.map(found);
    for (let i = 0; i < mentions.length; i++) {
      for (let j = i + 1; j < mentions.length; j++) {
        const [x, y] = [mentions[i], mentions[j]];
        if (x && y && x.entityId === y.entityId) {
          problems.push(`different entities expected: ${describeRef(e.different[i]!)} and ${describeRef(e.different[j]!)} are both ${x.entityId} («${x.canonical}»)`);
        }
      }
    }
  }
  return problems;
}
