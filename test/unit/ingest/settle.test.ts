import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { OpenWriters } from '../../../src/ingest/open-writers.js';
import { waitUntilSettled } from '../../../src/ingest/settle.js';
import { tempDir } from '../../helpers/pipeline.js';

const linux = process.platform === 'linux';

describe('settling inbox files (real files, this process as the writer)', () => {
  it('knows a file held open for writing from one open only for reading (Linux /proc; elsewhere it knows nothing)', async () => {
    const dir = tempDir('open-writers');
    const path = join(dir, 'held.txt');
    writeFileSync(path, 'خبر');
    const reader = openSync(path, 'r');
    try {
      expect(await new OpenWriters().isOpenForWriting(path)).toBe(false);
    } finally {
      closeSync(reader);
    }
    const writer = openSync(path, 'a');
    try {
      expect(await new OpenWriters().isOpenForWriting(path)).toBe(linux);
    } finally {
      closeSync(writer);
    }
    expect(await new OpenWriters().isOpenForWriting(path)).toBe(false);
  });

  it('holds a quiet file while a writer keeps it open, and lets it go one window after the writer closes it', async () => {
    const dir = tempDir('settle');
    const path = join(dir, 'slow.txt');
    const fd = openSync(path, 'w');
    writeSync(fd, 'بغداد - ');
    let settled = false;
    let held: string | null = null;
    const waiting = waitUntilSettled(path, { windowMs: 200, pollMs: 50, writers: new OpenWriters(), reportAfterMs: 400, onHeld: (reason) => (held = reason) }).then(() => {
      settled = true;
    });
    await sleep(1_000); // five windows of quiet, but the handle is open
    expect(settled).toBe(!linux);
    if (linux) expect(held).toMatch(/open for writing/);
    writeSync(fd, 'قال مسؤول');
    closeSync(fd);
    await waiting;
    expect(settled).toBe(true);
  });

  it('restarts the window on every change', async () => {
    const dir = tempDir('settle-window');
    const path = join(dir, 'growing.txt');
    writeFileSync(path, 'أ');
    const started = Date.now();
    const waiting = waitUntilSettled(path, { windowMs: 300, pollMs: 50, writers: new OpenWriters() });
    for (let i = 0; i < 5; i++) {
      await sleep(150);
      writeFileSync(path, 'أ'.repeat(i + 2));
    }
    await waiting;
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 150 + 300 - 20);
  });
});
