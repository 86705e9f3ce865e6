import { describe, expect, it } from 'vitest';
import { movedUpdateUrl, updateIdFromHash } from '@/lib/live/moved-update';

describe('updateIdFromHash', () => {
  it('reads the update id of an update anchor, escapes decoded', () => {
    expect(updateIdFromHash('#update-mission-silent')).toBe('mission-silent');
    expect(updateIdFromHash('#update-caf%C3%A9')).toBe('café');
  });

  it('names no update for another hash, an empty id or a malformed escape', () => {
    for (const hash of ['', '#', '#main', '#updates-heading', '#update-', 'update-x', '#update-%E0%A4%A']) {
      expect(updateIdFromHash(hash), hash).toBeUndefined();
    }
  });
});

describe('movedUpdateUrl', () => {
  const older = [
    {
      id: 'bondarev-resigns',
      modified: '2022-05-23T06:05:00.000Z',
      url: '/live/russia-ukraine/updates/bondarev-resigns/',
    },
  ];

  it('gives the own page of an update that left the first page', () => {
    expect(movedUpdateUrl('bondarev-resigns', older)).toBe('/live/russia-ukraine/updates/bondarev-resigns/');
  });

  it('gives nothing for an update not among the older ones', () => {
    expect(movedUpdateUrl('mission-silent', older)).toBeUndefined();
  });

  it('never leads to another site', () => {
    for (const url of [
      'https://example.com/',
      '//example.com/x',
      '/\\example.com/x',
      'javascript:alert(1)',
      '',
      'updates/x/',
    ]) {
      expect(movedUpdateUrl('x', [{ id: 'x', modified: '', url }]), url).toBeUndefined();
    }
  });
});
