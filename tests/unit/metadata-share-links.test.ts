import { describe, expect, it } from 'vitest';
import { shareLinks } from '@/lib/metadata/share-links';

const url = 'https://broadside.example/world/2022/05/23/seed/';
const title = `Diplomat quits: "Enough is enough" & more #1 🎉`;

describe('shareLinks', () => {
  const links = shareLinks(url, title);

  it('offers email, WhatsApp, X, Facebook, LinkedIn and Telegram', () => {
    expect(links.map((link) => link.label)).toEqual(['Email', 'WhatsApp', 'X', 'Facebook', 'LinkedIn', 'Telegram']);
  });

  it('passes the permalink exactly, and the headline where the service takes one', () => {
    for (const link of links) {
      const parsed = new URL(link.href);
      const values = [...parsed.searchParams.values()];
      expect(
        values.some((value) => value.includes(url)),
        link.label,
      ).toBe(true);
      if (link.id !== 'facebook' && link.id !== 'linkedin') {
        expect(
          values.some((value) => value.includes(title)),
          link.label,
        ).toBe(true);
      }
    }
  });

  it('adds no tracking parameters: each parameter is the URL, the text or the subject', () => {
    const allowed = new Set(['u', 'url', 'text', 'subject', 'body']);
    for (const link of links) {
      for (const key of new URL(link.href).searchParams.keys()) expect(allowed, `${link.label}: ${key}`).toContain(key);
      expect(link.href).not.toMatch(/utm_|fbclid|ref=/);
    }
  });

  it('opens the services in a new window, and email in the mail app', () => {
    expect(links.filter((link) => !link.external).map((link) => link.id)).toEqual(['email']);
    expect(links.find((link) => link.id === 'email')!.href).toMatch(/^mailto:\?/);
    expect(links.filter((link) => link.external).every((link) => link.href.startsWith('https://'))).toBe(true);
  });
});
