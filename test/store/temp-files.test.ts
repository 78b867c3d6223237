// Which leftover files are ours to remove: by name (treaty's temporary names only) and by age.
import { describe, expect, it } from 'vitest';
import { isStaleTemp, STALE_AFTER_MS } from '../../src/temp-files.js';

const MINUTE = 60_000;
const dead = () => false;
const alive = () => true;

describe('isStaleTemp', () => {
  it.each([
    ['.treaty.db.treaty-4242.tmp', STALE_AFTER_MS + MINUTE, dead, true],
    ['.treaty.db.treaty-4242.tmp-wal', STALE_AFTER_MS + MINUTE, dead, true],
    ['.treaty.db.treaty-4242.tmp-shm', STALE_AFTER_MS + MINUTE, dead, true],
    ['.treaty.db.treaty-4242.tmp-journal', STALE_AFTER_MS + MINUTE, dead, true],
    ['.backup.db.treaty-4242.tmp', STALE_AFTER_MS + MINUTE, dead, true],
    ['.treaty.db.treaty-4242.tmp', STALE_AFTER_MS - MINUTE, dead, false],
    ['.treaty.db.treaty-4242.tmp', STALE_AFTER_MS + MINUTE, alive, false],
    ['.treaty.db.treaty-4242.tmp', 25 * 60 * MINUTE, alive, true],
    ['.treaty.db.4242.tmp', 25 * 60 * MINUTE, dead, false],
    ['treaty.db.treaty-4242.tmp', 25 * 60 * MINUTE, dead, false],
    ['.treaty.db.treaty-x.tmp', 25 * 60 * MINUTE, dead, false],
    ['.treaty.db.treaty-4242.tmp.bak', 25 * 60 * MINUTE, dead, false],
    ['.treaty.db.lock', 25 * 60 * MINUTE, dead, false],
  ])('%s, %i ms old → %s', (name, age, isRunning, stale) => {
    expect(isStaleTemp(name, age, isRunning)).toBe(stale);
  });
});
