import { sql } from 'kysely';
import type { Db } from '../../src/store/pg/db.js';

/**
 * Synthetic stored articles for the API benchmark, made in SQL (a 100k-article table in about a
 * minute): article i (1-based) has id hex(i), outlet i % 20, a time 10 minutes after article i-1,
 * 120 search terms, 10 mentions, 3 claims with a quantity each, and a story of 5 articles. Terms
 * and entities are drawn log-uniformly by rank (rank r ≈ exp(U · ln N)): a few are everywhere, like
 * «في» and the country in the news, most are rare, like names.
 */
export async function fillSynthetic(db: Db, options: { from: number; to: number; entities: number; vocab: string[] }): Promise<void> {
  const { from, to, entities, vocab } = options;
  const id = sql`lpad(to_hex(i), 16, '0')`;
  const at = sql`(timestamptz '2020-01-01 00:00:00+00' + i * interval '10 minutes')`;
  const entity = sql`('e' || floor(exp(random() * ln(${entities})))::int)`;
  if (from === 0) {
    await sql`insert into entities (id, type, canonical)
      select 'e' || n, (array['PER', 'ORG', 'LOC'])[1 + n % 3], 'كيان ' || n from generate_series(1, ${entities}) n`.execute(db);
    await sql`insert into entity_variants (entity_id, variant, key) select 'e' || n, 'كيان ' || n, 'كيان ' || n from generate_series(1, ${entities}) n`.execute(db);
  }
  await sql`insert into articles (id, source, title, published_at, ingested_at, at, language, text, record, search)
    select ${id}, 'outlet-' || (i % 20), 'عنوان ' || i, ${at}, ${at}, ${at}, 'ar', 'نص ' || i, jsonb_build_object('id', ${id}),
      (select array_to_tsvector(array_agg(distinct (${vocab}::text[])[floor(exp(random() * ln(${vocab.length})))::int + 0 * g])) from generate_series(1, 120) g where i > 0)
    from generate_series(${from + 1}::int, ${to}::int) i`.execute(db);
  await sql`insert into mentions (article_id, idx, entity_id, start, "end", text, confidence, at)
    select ${id}, g, ${entity}, g * 10, g * 10 + 5, 'كيان', 0.9, ${at}
    from generate_series(${from + 1}::int, ${to}::int) i cross join generate_series(0, 9) g`.execute(db);
  await sql`insert into claims (article_id, idx, kind, start, "end", text, cue, speaker_entity_id, speaker_text, speaker_anonymous, content_start, content_end, content_text, quote, checkworthiness, at)
    select ${id}, g, 'attributed', g * 100, g * 100 + 80, 'قال المتحدث إن ' || i, 'قال', ${entity}, 'المتحدث', false, g * 100 + 10, g * 100 + 80, 'إن ' || i, 'indirect', 0.5, ${at}
    from generate_series(${from + 1}::int, ${to}::int) i cross join generate_series(0, 2) g`.execute(db);
  await sql`insert into quantities (article_id, claim_idx, idx, kind, value, value_max, approx, unit, counted, start, "end", text)
    select ${id}, g, 0, 'count', (i % 97) + 1, null, false, 'قتيل', 'قتيل', g * 100 + 20, g * 100 + 30, '12 قتيلا'
    from generate_series(${from + 1}::int, ${to}::int) i cross join generate_series(0, 2) g`.execute(db);
  await sql`insert into stories (id, merged_into, articles) select distinct 'st' || (i / 5), null, 0 from generate_series(${from + 1}::int, ${to}::int) i on conflict do nothing`.execute(db);
  await sql`insert into story_members (article_id, story_id, reason) select ${id}, 'st' || (i / 5), 'near-duplicate' from generate_series(${from + 1}::int, ${to}::int) i`.execute(db);
  await sql`update stories s set articles = c.n, first_seen = c.first_seen, last_seen = c.last_seen
    from (select m.story_id, count(*)::int as n, min(a.at) as first_seen, max(a.at) as last_seen from story_members m join articles a on a.id = m.article_id group by m.story_id) c
    where c.story_id = s.id`.execute(db);
  // The per-day table the writer keeps (src/store/pg/save.ts), recounted for the synthetic mentions.
  await sql`delete from entity_days`.execute(db);
  await sql`insert into entity_days (entity_id, day, mentions, articles)
    select entity_id, (at at time zone 'UTC')::date, count(*), count(distinct article_id) from mentions group by 1, 2`.execute(db);
  await sql`delete from entity_totals`.execute(db);
  await sql`insert into entity_totals (entity_id, mentions, articles) select entity_id, sum(mentions), sum(articles) from entity_days group by entity_id`.execute(db);
  await sql`analyze`.execute(db);
}
