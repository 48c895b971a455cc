/** ISO 8601 date-times as the checks write them into sentences. */
const ISO_TIME =
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** A piece of a sentence: plain text, or a time to show as one. */
export type TextPart = { text: string } | { time: string };

/**
 * A sentence cut into its text and the ISO 8601 times in it, so that each
 * time can be shown by the entity views' one convention instead of as ISO.
 */
export function timesInText(sentence: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of sentence.matchAll(ISO_TIME)) {
    if (Number.isNaN(Date.parse(match[0]))) continue;
    if (match.index > from) {
      parts.push({ text: sentence.slice(from, match.index) });
    }
    parts.push({ time: match[0] });
    from = match.index + match[0].length;
  }
  if (from < sentence.length) parts.push({ text: sentence.slice(from) });
  return parts;
}
