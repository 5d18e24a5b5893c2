import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Console } from '../../src/cli/io.js';
import { progressLine, progressText } from '../../src/cli/progress.js';

function terminal(errIsTTY: boolean): { io: Console; written: string[] } {
  const written: string[] = [];
  return { io: { out: () => {}, err: (text) => written.push(text), isTTY: false, errIsTTY }, written };
}

describe('progress line', () => {
  it('says documents read, pairs compared out of the total, the rate and the time left', () => {
    assert.equal(progressText({ stage: 'read', done: 40 }, 40, 8000), 'read 40 documents · 5.0/s');
    assert.equal(
      progressText({ stage: 'compare', done: 3000, total: 12000 }, 1600, 10_000),
      '1600 documents · compared 3000/12000 pairs · 300/s · 30s left',
    );
    assert.equal(
      progressText({ stage: 'compare', done: 100, total: 100_000 }, 1600, 10_000),
      '1600 documents · compared 100/100000 pairs · 10/s · 2h46m left',
    );
  });

  it('redraws one line in place, at most every 100 ms, and clears it at the end', () => {
    const { io, written } = terminal(true);
    let time = 0;
    const line = progressLine(io, false, () => time);
    for (let done = 1; done <= 10; done++) {
      time += 30;
      line.onProgress({ stage: 'read', done });
    }
    time += 30;
    line.onProgress({ stage: 'compare', done: 45, total: 45 });
    line.finish();
    assert.deepEqual(written, [
      '\rread 4 documents · 33.3/s\u001b[K',
      '\rread 8 documents · 33.3/s\u001b[K',
      '\r10 documents · compared 45/45 pairs · 45000/s\u001b[K',
      '\r\u001b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { io, written } = terminal(tty);
      const line = progressLine(io, quiet, () => 0);
      line.onProgress({ stage: 'read', done: 1 });
      line.finish();
      assert.deepEqual(written, []);
    }
  });
});
