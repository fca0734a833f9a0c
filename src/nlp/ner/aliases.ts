import type { EntityType } from '../../schema/entities.js';
import aliasData from './data/aliases.json' with { type: 'json' };
import namesData from './data/names.json' with { type: 'json' };
import triggersData from './data/triggers.json' with { type: 'json' };
import { phraseKey } from './gazetteer.js';
import { phraseSkeleton } from './skeleton.js';

/** One alias group: every form names the same entity; `canonical` is the form we show. */
export interface AliasGroup {
  type: EntityType;
  canonical: string;
  /** Registry key shared by all the forms («alias:…»). */
  key: string;
}

/** Alias groups indexed by the skeleton of each form, plus the words that never lose vowels. */
export interface LinkingLexicon {
  aliases: ReadonlyMap<string, AliasGroup>;
  /** Search keys of known Arabic given names: their vowels are part of the name (محمد ≠ محمود). */
  plainWords: ReadonlySet<string>;
  /**
   * Search keys of given names, Arabic and foreign, and of the words of person titles: a name's
   * first word that is none of them is a family name written first («كيم» of «كيم جونغ-أون») and
   * may stand for the person alone; «البابا» of «البابا فرنسيس» may not.
   */
  givenWords: ReadonlySet<string>;
}

export function buildLinkingLexicon(
  groups: ReadonlyArray<{ type: string; forms: readonly string[] }>,
  givenNames: readonly string[],
  foreignGivenNames: readonly string[] = [],
  personTitles: readonly string[] = [],
): LinkingLexicon {
  const plainWords = new Set(givenNames.flatMap((name) => phraseKey(name).split(' ')));
  const givenWords = new Set([...plainWords, ...[...foreignGivenNames, ...personTitles].flatMap((name) => phraseKey(name).split(' '))]);
  const aliases = new Map<string, AliasGroup>();
  for (const group of groups) {
    const canonical = group.forms[0];
    if (!canonical) continue;
    const type = group.type as EntityType;
    const key = `alias:${phraseSkeleton(phraseKey(canonical).split(' '), plainWords)}`;
    for (const form of group.forms) aliases.set(phraseSkeleton(phraseKey(form).split(' '), plainWords), { type, canonical, key });
  }
  return { aliases, plainWords, givenWords };
}

let cachedDefault: LinkingLexicon | null = null;

/** Our committed alias table, given-name lists and person titles (src/nlp/ner/data/). */
export function defaultLinkingLexicon(): LinkingLexicon {
  cachedDefault ??= buildLinkingLexicon(aliasData.groups, namesData.givenNames, namesData.foreignGivenNames, triggersData.personTitles);
  return cachedDefault;
}
