/**
 * The share card: the 1200x630 picture a chat app or social network shows
 * beside a shared link. This module says what is on it and how it is laid
 * out; `draw-fs.ts` draws it (satori, then resvg) and caches it.
 */
import { site } from '../../site.config';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the layout changes, so cached cards are drawn again. */
export const CARD_LAYOUT_VERSION = 2;

/** Everything a card shows; two pages with equal inputs get the same picture. */
export interface CardInputs {
  headline: string;
  /** The section's label, e.g. "World". */
  section: string;
  /** The day as readers see it, e.g. "May 23, 2022". */
  date: string;
  /** "Live" for a live blog, shown as a badge. */
  badge?: string | undefined;
}

/** The card's alt text: what it says, for someone who cannot see it. */
export function cardAlt(inputs: CardInputs): string {
  const badge = inputs.badge ? `${inputs.badge}, ` : '';
  const shown = canDrawHeadline(inputs.headline) ? inputs.headline : site.tagline;
  return `${site.name} card: ${badge}${inputs.section}, ${inputs.date}. ${shown}`;
}

/**
 * Type size for a headline: big for short ones, smaller for long ones, so
 * that most fit in full; whatever still does not fit is clamped to
 * `HEADLINE_MAX_LINES` with an ellipsis.
 */
export function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 50) return 76;
  if (length <= 90) return 64;
  if (length <= 140) return 54;
  return 46;
}
export const HEADLINE_MAX_LINES = 5;

/** The site's colours (light scheme), as in `src/styles/tokens.css`. */
const colour = {
  background: '#fdfcf9',
  text: '#1b1b1b',
  muted: '#555049',
  rule: '#d8d4cb',
  accent: '#9c1c1c',
  onAccent: '#ffffff',
};

/** A satori element: the shape React elements have, without React. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardNode | (string | CardNode)[] };
}

const node = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']) => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/**
 * The text as the card's fonts can draw it. Inter has no emoji and no font
 * with them ships with the project: drawn, an emoji would be an empty box,
 * which reads as a fault, so it is left out of the picture. The headline
 * keeps it everywhere else (page, feeds, metadata, the card's alt text).
 */
export function drawableText(text: string): string {
  return text
    .replace(
      /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*|\p{Regional_Indicator}{2}/gu,
      '',
    )
    .replace(/[\uFE0F\u200D]/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Whether Inter can set the headline: Latin, Greek and Cyrillic letters
 * (emoji aside, see `drawableText`). Arabic, Hebrew, Devanagari, CJK and
 * other scripts need fonts and shaping the card does not have; rather than
 * draw boxes or letters in the wrong order, such a card leaves the headline
 * out and shows the site's tagline instead; its alt text leaves it out too.
 */
export function canDrawHeadline(headline: string): boolean {
  const text = drawableText(headline);
  return (
    text.length > 0 &&
    !/[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u.test(text)
  );
}

/** The card's layout: masthead and section on top, the headline, the date at the foot. */
export function cardTree(inputs: CardInputs): CardNode {
  const size = headlineSize(inputs.headline);
  const label = node('div', { display: 'flex', alignItems: 'center', gap: 20 }, [
    ...(inputs.badge
      ? [
          node(
            'div',
            {
              padding: '6px 16px',
              borderRadius: 6,
              background: colour.accent,
              color: colour.onAccent,
              fontSize: 28,
              fontWeight: 700,
              textTransform: 'uppercase',
            },
            inputs.badge,
          ),
        ]
      : []),
    node(
      'div',
      { color: colour.accent, fontSize: 32, fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 },
      inputs.section,
    ),
  ]);
  return node(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      padding: '56px 72px',
      background: colour.background,
      color: colour.text,
      fontFamily: 'Inter',
      borderTop: `16px solid ${colour.accent}`,
    },
    [
      label,
      canDrawHeadline(inputs.headline)
        ? node(
            'div',
            {
              display: 'block',
              marginTop: 28,
              fontSize: size,
              fontWeight: 800,
              lineHeight: 1.12,
              letterSpacing: -1,
              lineClamp: HEADLINE_MAX_LINES,
              textOverflow: 'ellipsis',
              overflow: 'hidden',
            },
            drawableText(inputs.headline),
          )
        : node(
            'div',
            { marginTop: 28, fontSize: 64, fontWeight: 800, lineHeight: 1.12, letterSpacing: -1 },
            site.tagline,
          ),
      node(
        'div',
        {
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'flex-end',
          marginTop: 'auto',
          paddingTop: 24,
          borderTop: `2px solid ${colour.rule}`,
        },
        [
          node('div', { fontSize: 44, fontWeight: 800, letterSpacing: -1 }, site.name),
          node('div', { fontSize: 30, color: colour.muted, fontWeight: 600 }, inputs.date),
        ],
      ),
    ],
  );
}
