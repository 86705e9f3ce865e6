import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

/** Attributes any element may carry; `data*` is every `data-` attribute. */
const GLOBAL_ATTRIBUTES: Schema['attributes'] = {
  '*': ['id', 'className', 'lang', ['dir', 'ltr', 'rtl', 'auto'], 'title', ['translate', 'yes', 'no'], 'data*'],
};

/** One entry of an element's attribute list: a property name, or a name and the values it may take. */
type AttributeDefinition = NonNullable<Schema['attributes']>[string][number];

const LOADING: AttributeDefinition = ['loading', 'lazy', 'eager'];
const REFERRER_POLICY: AttributeDefinition = [
  'referrerPolicy',
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
];

/**
 * The raw HTML an article may contain, as a `hast-util-sanitize` schema:
 * the elements an article legitimately needs, the attributes each may carry
 * (hast property names: `srcSet`, `dateTime`), the values of the attributes
 * that take a keyword, and the URL schemes of the attributes that take a
 * URL. It is not GitHub's `defaultSchema`: that one allows forms' inputs and
 * no embeds, and renames ids. The guard never cleans with it: it sanitizes a
 * copy and reports each difference (`rawHtmlDifferences`).
 */
export const rawHtmlSchema: Schema = {
  tagNames: [
    'a',
    'abbr',
    'b',
    'blockquote',
    'br',
    'caption',
    'cite',
    'code',
    'dd',
    'del',
    'details',
    'dfn',
    'div',
    'dl',
    'dt',
    'em',
    'figcaption',
    'figure',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'iframe',
    'img',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'picture',
    'pre',
    'q',
    's',
    'samp',
    'small',
    'source',
    'span',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'time',
    'tr',
    'u',
    'ul',
    'var',
    'wbr',
  ],
  attributes: {
    ...GLOBAL_ATTRIBUTES,
    a: ['href', 'hrefLang', 'rel', ['target', '_blank', '_self']],
    blockquote: ['cite'],
    del: ['dateTime'],
    details: ['open'],
    iframe: ['src', 'width', 'height', 'allow', 'allowFullScreen', LOADING, REFERRER_POLICY],
    img: ['src', 'alt', 'width', 'height', LOADING, ['decoding', 'async', 'sync', 'auto'], 'srcSet', 'sizes'],
    ins: ['dateTime'],
    li: ['value'],
    ol: ['start', 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    q: ['cite'],
    source: ['srcSet', 'type', 'media', 'sizes'],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', ['scope', 'row', 'col', 'rowgroup', 'colgroup'], 'abbr'],
    time: ['dateTime'],
  },
  // A URL with a scheme must use one of these; relative URLs (`/world/`, `#note`, `photo.jpg`) always pass.
  // `srcSet` is not here: its value is one string of several URLs, which the guard checks one by one.
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  // Table parts outside a table would break out of their place, as in GitHub's schema.
  ancestors: defaultSchema.ancestors,
  // Closed comments are the desk's notes and stay out of the page (see `remarkUnclosedHtml` for open ones).
  allowComments: true,
  allowDoctypes: false,
  // Ids stay as written: GitHub prefixes them with `user-content-`, which would break an editor's own
  // `#anchor` links. The ids the page itself uses are refused by `remarkRawHtmlPageIds` instead.
  clobber: [],
  clobberPrefix: '',
  // Nothing is ever added: an attribute an element needs (an iframe's `title`) is asked of the editor.
  required: {},
  strip: ['script', 'style'],
};

/** True for an element an article may use (in any case); the guard reports any other. */
export function isAllowedElement(name: string): boolean {
  return rawHtmlSchema.tagNames!.includes(name.toLowerCase());
}

/** The URL-taking property, and an element that allows it, the schema's URL rules are read through. */
const URL_PROBE = { href: 'a', src: 'img', cite: 'q' } as const;

/** A URL-taking property the schema holds to a list of schemes. */
export type UrlProperty = keyof typeof URL_PROBE;

/**
 * True for a URL the schema lets through as `property` (`href`: links;
 * `src`: images and embeds): relative, or with one of the schemes the
 * schema lists for it, written in lower case. Markdown links and `srcset`
 * candidates are held to the same rule as raw HTML this way, from the one
 * schema.
 */
export function isSafeUrl(url: string, property: UrlProperty = 'href'): boolean {
  const probe = sanitize(
    { type: 'element', tagName: URL_PROBE[property], properties: { [property]: url }, children: [] },
    rawHtmlSchema,
  );
  return probe.type === 'element' && probe.properties[property] === url;
}

/**
 * What a URL-taking property may hold, for messages: `only http(s), mailto,
 * tel and site-relative URLs are allowed`, from the schema's schemes. A URL
 * whose scheme is allowed but written in capitals is told so.
 */
export function allowedUrlsHint(property: UrlProperty, url = ''): string {
  const schemes = rawHtmlSchema.protocols?.[property] ?? [];
  const scheme = /^\s*([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
  if (scheme && scheme !== scheme.toLowerCase() && schemes.includes(scheme.toLowerCase())) {
    return `write the scheme in lower case ("${scheme.toLowerCase()}:")`;
  }
  const named = schemes.includes('http') && schemes.includes('https') ? ['http(s)'] : [];
  named.push(...schemes.filter((name) => !(named.length > 0 && (name === 'http' || name === 'https'))));
  return `only ${named.join(', ')} and site-relative URLs are allowed`;
}
