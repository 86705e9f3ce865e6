import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkCodeFences } from './remark-code-fences';
import { remarkDirectiveGuard } from './remark-directive-guard';
import { rehypeIdPrefix } from './rehype-id-prefix';
import { rehypePrintUrls } from './rehype-print-urls';
import { rehypeReportProblems } from './rehype-report-problems';
import { rehypeUniqueHeadingIds } from './rehype-unique-heading-ids';
import { remarkEmptyLinks } from './remark-empty-links';
import { remarkImageGuard } from './remark-image-guard';
import { remarkPullquote } from './remark-pullquote';
import { remarkRawHtmlGuard } from './remark-raw-html-guard';
import { remarkRawHtmlPageIds } from './remark-raw-html-page-ids';
import { remarkRawHtmlRemoteImages } from './remark-raw-html-remote-images';
import { remarkReadingTime } from './remark-reading-time';
import { remarkSmartPunctuation } from './remark-smart-punctuation';
import { remarkTableCells } from './remark-table-cells';
import { remarkUnclosedHtml } from './remark-unclosed-html';
import { remarkUnusedDefinitions } from './remark-unused-definitions';
import { site } from '../../site.config';

/** The container directives an article may use; anything else stops the build. */
export const containerDirectives = ['pullquote'] as const;

/** The one list of remark plugins, in order. */
export const remarkPlugins: RemarkPlugins = [
  remarkDirective,
  // Before the directive guard, which turns text directives back into text and would drop an image inside one.
  remarkImageGuard,
  // Before the directive guard, which restores prose that only looks like a directive exactly as written.
  remarkSmartPunctuation,
  [remarkDirectiveGuard, { containers: containerDirectives }],
  // The rules below report problems (see problems.ts) and leave the tree as written; the order among them does not matter.
  [remarkRawHtmlGuard, { embedOrigins: site.embedOrigins }],
  remarkUnclosedHtml,
  [remarkRawHtmlRemoteImages, { siteUrl: site.url }],
  remarkRawHtmlPageIds,
  remarkTableCells,
  remarkCodeFences,
  remarkUnusedDefinitions,
  remarkEmptyLinks,
  // Before the pull quotes are built: it leaves them out of the count.
  remarkReadingTime,
  remarkPullquote,
];

/** The one list of rehype plugins, in order. */
export const rehypePlugins: RehypePlugins = [
  rehypeSlug,
  // Right after the slugs: keeps heading ids clear of the page's own and of each other, before anything links to them.
  rehypeUniqueHeadingIds,
  [
    rehypeAutolinkHeadings,
    {
      behavior: 'append',
      test: ['h2', 'h3', 'h4'],
      properties: (heading: Element) => ({
        className: ['heading-anchor'],
        ariaLabel: `Link to this section: ${toString(heading)}`,
      }),
      content: {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
    },
  ],
  // After every plugin that gives or uses ids: a live update's ids get its prefix.
  rehypeIdPrefix,
  // After the heading anchors, so it sees them and leaves them alone.
  [rehypePrintUrls, { siteUrl: site.url }],
  // Last: stops the render with every problem the plugins above reported.
  rehypeReportProblems,
];

/**
 * The processor's options, for the site and its tests alike. Astro's
 * SmartyPants is off: `remarkSmartPunctuation` does the same work in a
 * fraction of the time.
 */
export const markdownOptions = { remarkPlugins, rehypePlugins, gfm: true, smartypants: false };
