// Lines of a text with offsets, trimmed of surrounding whitespace: the unit that metadata and
// boilerplate detection reason about (news pages put a headline, a dateline or a share button on a
// line of its own).
import { isSkippable } from './chars.js';

export interface Line {
  /** 0-based line number (counting every line break, blank lines included). */
  index: number;
  /** Offsets of the trimmed content; start === end for a blank line. */
  start: number;
  end: number;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

/** All lines, blank ones included (a CRLF counts as one break). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const n = text.length;
  let lineStart = 0;
  let index = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (i < n && !isLineBreak(c)) continue;
    let s = lineStart;
    let e = i;
    while (s < e && isSkippable(text.charCodeAt(s))) s++;
    while (e > s && isSkippable(text.charCodeAt(e - 1))) e--;
    lines.push({ index: index++, start: s, end: e });
    if (c === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  return lines;
}
