#!/usr/bin/env node
// Packs the package as npm would publish it, installs the tarball in an empty folder, prints
// what that brings into node_modules, and runs the installed CLI on the shipped example.
// Usage: npm run check:package   (after npm run build; needs the npm registry for dependencies)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_MB = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'wiretrace-package-'));

function sizeOf(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

try {
  // The build is already done: packing must not rebuild the lexicon.
  const tarball = run(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder],
    root,
  ).trim();
  const app = join(folder, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "check-package", "private": true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', join(folder, tarball)], app);
  const megabytes = sizeOf(join(app, 'node_modules')) / 1e6;
  console.log(`tarball: ${(statSync(join(folder, tarball)).size / 1e6).toFixed(1)} MB`);
  console.log(
    `node_modules after npm install of the tarball: ${megabytes.toFixed(1)} MB (limit ${LIMIT_MB} MB)`,
  );
  const example = join(app, 'node_modules', 'wiretrace', 'examples', 'nato-russia');
  const output = run(
    join(app, 'node_modules', '.bin', 'wiretrace'),
    [
      'compare',
      join(example, '001_91a7594f1c02de45.txt'),
      join(example, '000_31f6c2312a741652.txt'),
      '--format',
      'csv',
    ],
    app,
  );
  console.log(`installed CLI, compare of the shipped example:\n${output.trimEnd()}`);
  if (megabytes >= LIMIT_MB) process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
