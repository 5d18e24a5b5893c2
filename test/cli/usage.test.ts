import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRun, readRepoFile, runCli, spawnCli, stderrLines, WIRE } from './run-cli.js';

describe('usage', { concurrency: true }, () => {
  it('exits 2 without a command, printing the usage', async () => {
    const run = await spawnCli([]);
    assert.equal(run.status, 2, describeRun(run));
    assert.ok(`${run.stdout}${run.stderr}`.includes('Usage:'), describeRun(run));
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runCli(['retrace', WIRE]);
    assert.equal(run.status, 2, describeRun(run));
    assert.equal(stderrLines(run).length, 1, run.stderr);
    assert.ok(run.stderr.includes('retrace'), run.stderr);
  });

  it('exits 2 on an unknown option with a one-line message', async () => {
    const run = await spawnCli(['trace', '--bogus', WIRE]);
    assert.equal(run.status, 2, describeRun(run));
    const lines = stderrLines(run);
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]!.includes('--bogus'), run.stderr);
    assert.equal(run.stdout, '');
  });

  it('exits 2 when compare gets one input', async () => {
    const run = await runCli(['compare', WIRE]);
    assert.equal(run.status, 2, describeRun(run));
    assert.equal(stderrLines(run).length, 1, run.stderr);
  });

  for (const help of [
    ['--help'],
    ['trace', '--help'],
    ['compare', '--help'],
    ['extract', '--help'],
    ['trace', '-h'],
  ]) {
    it(`prints the usage and exits 0 for ${help.join(' ')}`, async () => {
      // The binary itself for the top-level help; the commands' help in-process.
      const run = help.length === 1 ? await spawnCli(help) : await runCli(help);
      assert.equal(run.status, 0, describeRun(run));
      assert.ok(run.stdout.includes('Usage:'), run.stdout);
      assert.equal(run.stderr, '');
    });
  }

  it('prints the package.json version for --version', async () => {
    const { version } = JSON.parse(readRepoFile('package.json')) as { version: string };
    const run = await spawnCli(['--version']);
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(run.stdout.trim(), version);
  });
});
