/**
 * The build takes the output folder out of its arguments (it builds into a
 * staging folder instead), and its own `--publish`, and passes every other
 * argument on to Astro.
 */
import { describe, expect, it } from 'vitest';
import { readBuildArgs } from '../../scripts/build-args';

describe('the build command line', () => {
  it("builds for dist/ in the folder it runs in by default, Astro's default", () => {
    expect(readBuildArgs([], '/site')).toEqual({ target: '/site/dist', astroArgs: [], publish: false });
  });

  it.each([[['--outDir', '/tmp/out']], [['--outDir=/tmp/out']], [['--outDir', '/tmp/first', '--outDir', '/tmp/out']]])(
    'reads the output folder from %j, the last one winning',
    (argv) => {
      expect(readBuildArgs(argv, '/site')).toEqual({ target: '/tmp/out', astroArgs: [], publish: false });
    },
  );

  it('resolves a relative output folder against --root when there is one, as Astro does', () => {
    expect(readBuildArgs(['--outDir', 'out'], '/site').target).toBe('/site/out');
    expect(readBuildArgs(['--root', 'other', '--outDir', 'out'], '/site').target).toBe('/site/other/out');
  });

  it("passes Astro's other arguments on as they were, in order", () => {
    expect(
      readBuildArgs(['--force', '--outDir', 'out', '--mode', 'production', '--root=.'], '/site').astroArgs,
    ).toEqual(['--force', '--mode', 'production', '--root=.']);
  });

  it('takes its own --publish (npm run publish) out of what Astro is given', () => {
    expect(readBuildArgs(['--publish', '--outDir', 'out', '--force'], '/site')).toEqual({
      target: '/site/out',
      astroArgs: ['--force'],
      publish: true,
    });
  });
});
