/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  {
    test: {
      include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
      // Builds share Astro's .astro/ folder, so test files run one at a time.
      fileParallelism: false,
      // Pin the zone of the test process far from the site's, so no test passes by accident of the machine's zone.
      env: { TZ: 'America/Los_Angeles' },
    },
  },
  { devToolbar: { enabled: false } },
);
