import type { Element, ElementData, Properties, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { SKIP, visit } from 'unist-util-visit';
import { allowedUrlsHint, rawHtmlSchema, type UrlProperty } from './raw-html-schema';

declare module 'hast' {
  interface ElementData {
    /** The element's place (pre-order) in the fragment a sanitized copy was made of. */
    rawHtmlOriginalIndex?: number;
  }
}

/** One thing sanitizing would change in a raw HTML fragment, said as the editor should read it. */
export interface RawHtmlDifference {
  /** The element, in the original fragment, that sanitizing would remove or change. */
  element: Element;
  /** What is refused and why: `<img onerror>: event-handler attributes can run script and are not allowed`. */
  reason: string;
  /** True when the whole element (and what it holds) would go. */
  removed: boolean;
}

/**
 * Everything `hast-util-sanitize` would remove or change in `fragment`
 * under `schema`, element by element in document order. It sanitizes a
 * copy and compares: nothing is cleaned, so the guard can name each
 * difference instead of letting words, an embed or a link vanish. What a
 * removed element holds goes with it and is not listed apart.
 */
export function rawHtmlDifferences(fragment: Root, schema: Schema = rawHtmlSchema): RawHtmlDifference[] {
  const indexOf = new Map<Element, number>();
  visit(fragment, 'element', (element: Element) => {
    indexOf.set(element, indexOf.size);
  });
  // The copy's elements carry their index through `sanitize`, which keeps each node's `data`.
  const copy = structuredClone(fragment);
  let next = 0;
  visit(copy, 'element', (element: Element) => {
    // A cast: another package's augmentation of `ElementData` declares more than an element here carries.
    element.data = { ...element.data, rawHtmlOriginalIndex: next++ } as ElementData;
  });
  const kept = new Map<number, Element>();
  visit(sanitize(copy, schema), 'element', (element: Element) => {
    const index = element.data?.rawHtmlOriginalIndex;
    if (index !== undefined) kept.set(index, element);
  });

  const differences: RawHtmlDifference[] = [];
  visit(fragment, 'element', (element: Element) => {
    const sanitized = kept.get(indexOf.get(element)!);
    if (!sanitized) {
      differences.push({ element, reason: whyRemoved(element.tagName, schema), removed: true });
      return SKIP;
    }
    for (const reason of changedProperties(element, sanitized.properties, schema)) {
      differences.push({ element, reason, removed: false });
    }
    return undefined;
  });
  return differences;
}

function whyRemoved(name: string, schema: Schema): string {
  if (schema.tagNames?.includes(name)) {
    const within = schema.ancestors?.[name] ?? [];
    return `<${name}> is only allowed inside ${within.map((ancestor) => `<${ancestor}>`).join(' or ')}`;
  }
  const why = name === 'script' || name === 'style' ? '' : ' (it is not on the list of elements an article may use)';
  return `<${name}> is not allowed in articles${why}`;
}

/** Why each property the schema would drop or change is refused, in the order written. */
function changedProperties(element: Element, sanitized: Properties, schema: Schema): string[] {
  const name = element.tagName;
  const reasons: string[] = [];
  for (const [property, value] of Object.entries(element.properties)) {
    const safe = sanitized[property];
    if (sameValue(value, safe)) continue;
    const attribute = attributeName(property);
    const definition = attributeDefinition(schema, name, property);
    if (/^on/i.test(attribute)) {
      reasons.push(`<${name} ${attribute}>: event-handler attributes can run script and are not allowed`);
    } else if (attribute === 'style') {
      reasons.push(`<${name} style>: inline styles are not allowed; the site's stylesheet sets the look`);
    } else if (definition === undefined) {
      reasons.push(`<${name} ${attribute}>: this attribute is not allowed on <${name}>`);
    } else if (schema.protocols?.[property]) {
      reasons.push(
        `<${name} ${attribute}="${String(value)}">: ${allowedUrlsHint(property as UrlProperty, String(value))}`,
      );
    } else if (Array.isArray(definition) && definition.length > 1) {
      const dropped = [value].flat().filter((item) => ![safe].flat().includes(item));
      const allowed = definition.slice(1).map(String);
      reasons.push(
        `<${name} ${attribute}="${dropped.join(' ')}">: ${attribute} may only be ${allowed.slice(0, -1).join(', ')}${allowed.length > 1 ? ' or ' : ''}${allowed.at(-1)}`,
      );
    } else {
      reasons.push(`<${name} ${attribute}="${String(value)}">: this value is not allowed`);
    }
  }
  return reasons;
}

function sameValue(a: Properties[string], b: Properties[string]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/** The schema's entry for `property` on `tagName` (its own list, then the one for every element), as the sanitizer finds it. */
function attributeDefinition(schema: Schema, tagName: string, property: string) {
  for (const list of [schema.attributes?.[tagName], schema.attributes?.['*']]) {
    const entries = list ?? [];
    const named = entries.find((entry) => (typeof entry === 'string' ? entry : entry[0]) === property);
    if (named !== undefined) return named;
    const data = entries.find((entry) => (typeof entry === 'string' ? entry : entry[0]) === 'data*');
    if (data !== undefined && property.length > 4 && property.slice(0, 4).toLowerCase() === 'data') return data;
  }
  return undefined;
}

/** The attribute as the editor wrote it, from hast's property name: `className` is `class`, `dataPrintUrl` is `data-print-url`. */
export function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(?:data|aria)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}
