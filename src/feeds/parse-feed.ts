import { parseFeed } from '@rowanmanning/feed-parser';

/** One item of a feed, as the poller needs it. */
export interface FeedItem {
  /** The item's guid (RSS) or id (Atom), if it has one. */
  id: string | null;
  /** The article page. */
  url: string;
  title: string | null;
  /** ISO date, if the feed gives one. */
  published: string | null;
}

export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

/**
 * The items of an RSS 2.0, RSS 1.0 or Atom document (via @rowanmanning/feed-parser), oldest first
 * so articles are queued in the order they were published. Items without a link to a page are left
 * out and counted: there is no article to fetch.
 */
export function parseFeedItems(xml: string, base: string): { title: string | null; items: FeedItem[]; withoutLink: number } {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    throw new FeedParseError(`not an RSS or Atom feed: ${(error as Error).message}`);
  }
  const items: FeedItem[] = [];
  let withoutLink = 0;
  for (const item of feed.items) {
    const link = item.url ? resolveUrl(item.url, base) : null;
    if (!link) {
      withoutLink++;
      continue;
    }
    items.push({ id: item.id, url: link, title: item.title, published: item.published?.toISOString() ?? null });
  }
  items.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  return { title: feed.title, items, withoutLink };
}

function resolveUrl(link: string, base: string): string | null {
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
