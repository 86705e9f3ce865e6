/**
 * The article's records as components draw them: corrections at the foot
 * and the marker near the top, the editor's note, the links to other
 * language editions, and the translation notice that links the original.
 */
import { describe, expect, it } from 'vitest';
import { renderComponent as render } from './render-component';
import CorrectionMarker from '@/components/CorrectionMarker.astro';
import Corrections from '@/components/Corrections.astro';
import EditionLinks from '@/components/EditionLinks.astro';
import EditorsNote from '@/components/EditorsNote.astro';
import TranslationNotice from '@/components/TranslationNotice.astro';
import { parseTimestamp } from '@/lib/time/dates';

const at = (time: string) => parseTimestamp(time) as Extract<ReturnType<typeof parseTimestamp>, { kind: 'datetime' }>;
const corrections = [
  { time: at('2022-05-25T09:30:00+04:00'), text: 'A later correction.' },
  { time: at('2022-05-24T10:00:00+04:00'), text: 'An earlier version gave the wrong day.' },
];
const text = (html: string) =>
  html
    .replace(/<\/(?:h2|li|p)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('Corrections', () => {
  it('lists the corrections oldest first, each introduced by "Correction" and its time in the article zone', async () => {
    const html = await render(Corrections, { corrections, timeZone: 'Asia/Dubai' });
    expect(html).toContain('<h2 id="corrections" lang="en">Corrections</h2>');
    expect(text(html)).toBe(
      'Corrections Correction, May 24, 2022, 10:00 AM GMT+4: An earlier version gave the wrong day. Correction, May 25, 2022, 9:30 AM GMT+4: A later correction.',
    );
    expect(html).toContain('<time datetime="2022-05-24T10:00:00+04:00">');
  });

  it('says "Correction" for one, and renders nothing for none', async () => {
    expect(await render(Corrections, { corrections: corrections.slice(1), timeZone: 'Asia/Dubai' })).toContain(
      '>Correction</h2>',
    );
    expect((await render(Corrections, { corrections: [], timeZone: 'Asia/Dubai' })).trim()).toBe('');
  });
});

describe('CorrectionMarker', () => {
  it('links to the corrections, naming the day of the latest', async () => {
    const one = await render(CorrectionMarker, { corrections: corrections.slice(1), timeZone: 'Asia/Dubai' });
    expect(one).toContain('href="#corrections"');
    expect(text(one)).toBe('Corrected May 24, 2022: see the correction');
    const two = await render(CorrectionMarker, { corrections, timeZone: 'Asia/Dubai' });
    expect(text(two)).toBe('Corrected 2 times, last May 25, 2022: see the corrections');
  });

  it('renders nothing without corrections', async () => {
    expect((await render(CorrectionMarker, { corrections: [], timeZone: 'Asia/Dubai' })).trim()).toBe('');
  });
});

describe('EditorsNote', () => {
  it('is an aside named by its visible label, above the body', async () => {
    const html = await render(EditorsNote, { note: 'This article was updated with the ministry’s reply.' });
    expect(html).toMatch(/^<aside class="editors-note" aria-labelledby="editors-note">/);
    expect(html).toContain('<p class="editors-note-label" id="editors-note" lang="en">Editor’s note</p>');
    expect(html).toContain('<p>This article was updated with the ministry’s reply.</p>');
  });

  it('renders nothing without a note', async () => {
    expect((await render(EditorsNote, { note: undefined })).trim()).toBe('');
  });
});

describe('EditionLinks', () => {
  it('names each edition in its own language, marked with lang, hreflang and direction, printing its address', async () => {
    const html = await render(EditionLinks, {
      editions: { fr: '/world/2023/11/06/bibliotheque/', ar: '/world/2023/11/06/maktaba/' },
    });
    expect(text(html)).toBe('Also in: العربية · Français');
    expect(html).toContain(
      '<a href="/world/2023/11/06/maktaba/" hreflang="ar" lang="ar" dir="rtl" data-print-url="https://broadside.example/world/2023/11/06/maktaba/">العربية</a>',
    );
    expect(html).toContain('hreflang="fr" lang="fr" dir="ltr"');
  });

  it('renders nothing without editions', async () => {
    expect((await render(EditionLinks, { editions: {} })).trim()).toBe('');
  });
});

describe('TranslationNotice', () => {
  it('links the original edition when the article lists it', async () => {
    const html = await render(TranslationNotice, {
      translation: { automated: true, from: 'ar' },
      editions: { ar: '/world/2023/11/06/maktaba/' },
    });
    expect(text(html)).toBe('Powered by automated translation from the Arabic original');
    expect(html).toMatch(/<a href="\/world\/2023\/11\/06\/maktaba\/" hreflang="ar"[^>]*>Arabic original<\/a>/);
  });

  it('names the language alone, unlinked, when the original is not on the site', async () => {
    const html = await render(TranslationNotice, { translation: { automated: true, from: 'ar' }, editions: {} });
    expect(text(html)).toBe('Powered by automated translation from Arabic');
    expect(html).not.toContain('<a');
  });
});
