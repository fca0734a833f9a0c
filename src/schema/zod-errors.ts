import type { z } from 'zod';

/**
 * The one place a zod failure becomes words for a person: env vars, CLI options, job data, input
 * files and query strings all go through here, so every boundary says what was expected and where
 * in the same way (`--type: expected one of PER, ORG, LOC, MISC, got "FOO"`) instead of a raw
 * issue array.
 */
export interface ZodProblemStyle {
  /** How a path is shown (`--type`, `KHABAR_PORT`); default: dotted (`source.url`). */
  name?: (path: string) => string;
  /** Name for an issue about the whole value (empty path); default `value`. */
  root?: string;
  /** What an unknown key is called (`parameter` for a query string); default `key`. */
  keyNoun?: string;
  /** At most this many problems (a wholly wrong value has one per field); default: all. */
  max?: number;
}

/** An input value as shown in a message: JSON, cut short (a 5 MB article is not echoed back). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function issueText(issue: z.core.$ZodIssue, keyNoun: string): string {
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${shown(issue.values[0])}` : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown ${keyNoun}(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * One line per problem: `<where>: <what was expected>[, got <value>]`. The value is shown only when
 * the caller parsed with `{ reportInput: true }`: env vars may hold secrets and are never echoed.
 */
export function zodProblems(error: z.ZodError, style: ZodProblemStyle = {}): string[] {
  const name = style.name ?? ((path: string) => path);
  const issues = style.max === undefined ? error.issues : error.issues.slice(0, style.max);
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const where = path.length > 0 ? name(path) : (style.root ?? 'value');
    const got = issue.input !== undefined && issue.code !== 'unrecognized_keys' ? `, got ${shown(issue.input)}` : '';
    return `${where}: ${issueText(issue, style.keyNoun ?? 'key')}${got}`;
  });
}

/** The problems on one line, `; `-separated (a failure record's reason, a CLI error). */
export function describeZodError(error: z.ZodError, style: ZodProblemStyle = {}): string {
  return zodProblems(error, style).join('; ');
}
