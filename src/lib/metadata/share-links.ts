/**
 * Plain share links: each opens the service's own share page with the
 * permalink and the headline, and nothing else. No tracking parameters, no
 * third-party script; they work with JavaScript off.
 */

export interface ShareLink {
  /** Stable key, e.g. for a class name. */
  id: 'email' | 'whatsapp' | 'x' | 'facebook' | 'linkedin' | 'telegram';
  /** The service's name, as the link's words. */
  label: string;
  href: string;
  /** True when the link leaves for another site (opens a new window). */
  external: boolean;
}

/** Share links for a page at `url` (absolute) titled `title`. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    {
      id: 'email',
      label: 'Email',
      href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}`,
      external: false,
    },
    { id: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${both}`, external: true },
    { id: 'x', label: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}`, external: true },
    { id: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}`, external: true },
    {
      id: 'linkedin',
      label: 'LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
      external: true,
    },
    { id: 'telegram', label: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}`, external: true },
  ];
}
