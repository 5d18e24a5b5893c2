import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type InputFailure, isInputFailure, readInputs } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/article.js';

/** Made-up WARC and feed files: test/fixtures/ingest/. */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/ingest/', import.meta.url));

let directory: string;
before(() => {
  directory = mkdtempSync(join(tmpdir(), 'wiretrace-archives-'));
});
after(() => rmSync(directory, { recursive: true, force: true }));

async function readAll(
  inputs: readonly string[],
  options: Parameters<typeof readInputs>[1] = {},
): Promise<Array<RawDocument | InputFailure>> {
  const items: Array<RawDocument | InputFailure> = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

function names(items: ReadonlyArray<RawDocument | InputFailure>): Array<[string, 'document' | 'failure']> {
  return items.map((item) => [item.input, isInputFailure(item) ? 'failure' : 'document']);
}

function copyFixture(
  name: string,
  as: string,
  transform: (bytes: Buffer) => Buffer = (bytes) => bytes,
): string {
  const path = join(directory, as);
  writeFileSync(path, transform(readFileSync(join(FIXTURES, name))));
  return path;
}

describe('WARC files', () => {
  it('reads each HTML response as a document named by its target URI, reporting and skipping a malformed record', async () => {
    const warc = join(FIXTURES, 'news.warc');
    const items = await readAll([warc]);
    // Not read: warcinfo, the request, the image, the 404 page and the revisit record.
    assert.deepEqual(names(items), [
      ['https://news.example/riverton-floods', 'document'],
      [`${warc}#record-5`, 'failure'],
      ['https://copies.example/2026/03/02/floods', 'document'],
    ]);
    const [first, failure] = items as [RawDocument, InputFailure];
    assert.equal(first.format, 'html');
    assert.equal(first.meta?.url, 'https://news.example/riverton-floods');
    assert.match(first.content, /^<!DOCTYPE html>/);
    assert.ok(first.content.includes('Mayor Clara Voss'), 'the HTTP headers are not part of the page');
    assert.match(failure.error.message, /record-5: malformed WARC record: bad Content-Length/);
  });

  it('reads a gzip-compressed WARC (one gzip stream or one member per record), whatever its name', async () => {
    const plain = await readAll([join(FIXTURES, 'news.warc')]);
    const whole = copyFixture('news.warc', 'whole.warc.gz', (bytes) => gzipSync(bytes));
    const unnamed = copyFixture('news.warc', 'crawl-0001', (bytes) => gzipSync(bytes));
    const byRecord = copyFixture('news.warc', 'members.warc.gz', (bytes) => {
      const records = bytes.toString('latin1').split(/(?=WARC\/1\.0\r\n)/);
      return Buffer.concat(records.map((record) => gzipSync(Buffer.from(record, 'latin1'))));
    });
    for (const file of [whole, unnamed, byRecord]) {
      const items = await readAll([file]);
      assert.deepEqual(
        items.filter((item) => !isInputFailure(item)).map((item) => (item as RawDocument).content),
        plain.filter((item) => !isInputFailure(item)).map((item) => (item as RawDocument).content),
        file,
      );
    }
  });

  it('refuses an ARC file and a .warc file that is not a WARC, each on one line', async () => {
    const arc = join(directory, 'old.arc');
    writeFileSync(arc, 'filedesc://old.arc 0.0.0.0 20260302090000 text/plain 77\n1 0 Example\n');
    const fake = join(directory, 'fake.warc');
    writeFileSync(fake, 'Floods closed three bridges in Riverton on Monday.\n');
    const items = await readAll([arc, fake]);
    assert.deepEqual(names(items), [
      [arc, 'failure'],
      [fake, 'failure'],
    ]);
    assert.match((items[0] as InputFailure).error.message, /ARC web archives are not read/);
    assert.match((items[1] as InputFailure).error.message, /not a WARC file/);
  });
});

describe('RSS and Atom feeds', () => {
  it('reads RSS items with content as HTML documents, and reports an item with only a link', async () => {
    const rss = join(FIXTURES, 'news.rss');
    const items = await readAll([rss]);
    assert.deepEqual(names(items), [
      [`${rss}#news-example-1001`, 'document'],
      [`${rss}#https://copies.example/2026/03/02/floods`, 'document'],
      [`${rss}#https://news.example/budget-2027`, 'failure'],
    ]);
    const [full, described, linkOnly] = items as [RawDocument, RawDocument, InputFailure];
    // content:encoded wins over the one-line description.
    assert.ok(full.content.includes('<p>Engineers will inspect the bridges'), full.content);
    assert.deepEqual(full.meta, {
      title: 'Floods close three bridges in Riverton',
      url: 'https://news.example/riverton-floods',
      published: 'Mon, 02 Mar 2026 08:30:00 GMT',
    });
    // An escaped HTML description is read as markup.
    assert.ok(described.content.startsWith('<p>Torrential rain'), described.content);
    assert.match(
      linkOnly.error.message,
      /has only a link \(https:\/\/news\.example\/budget-2027\); pages are not fetched/,
    );
  });

  it('reads Atom entries, preferring full (xhtml) content over the summary', async () => {
    const atom = join(FIXTURES, 'news.atom');
    const items = await readAll([atom]);
    assert.deepEqual(names(items), [
      [`${atom}#tag:copies.example,2026:floods`, 'document'],
      [`${atom}#tag:copies.example,2026:tram`, 'failure'],
    ]);
    const entry = items[0] as RawDocument;
    assert.ok(entry.content.includes('<p>Engineers will inspect'), entry.content);
    assert.equal(entry.meta?.url, 'https://copies.example/2026/03/02/floods');
  });

  it('never reads a feed as one text, whatever its name', async () => {
    for (const name of ['feed.xml', 'feed.txt', 'feed']) {
      const items = await readAll([copyFixture('news.rss', name)]);
      assert.equal(items.length, 3, name);
      assert.ok(items[0]!.input.endsWith('#news-example-1001'), name);
    }
  });

  it('refuses a .rss file that is not a feed', async () => {
    const path = join(directory, 'not-a-feed.rss');
    writeFileSync(path, 'Floods closed three bridges in Riverton on Monday.\n');
    const [item] = await readAll([path]);
    assert.ok(item !== undefined && isInputFailure(item));
    assert.match(item.error.message, /not an RSS or Atom feed/);
  });
});

function record(index: number): string {
  return JSON.stringify({ id: `r${index}`, text: `Story number ${index} tells of floods in Riverton.` });
}

describe('JSON Lines streaming', () => {
  it('reads a JSON Lines file larger than the per-document limit, one record at a time', async () => {
    const lines = Array.from({ length: 400 }, (_, index) => record(index));
    const path = join(directory, 'many.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const items = await readAll([path], { maxBytes: 1024 });
    assert.equal(items.length, 400);
    assert.ok(items.every((item) => !isInputFailure(item)));
    assert.equal(items[399]!.input, `${path}#r399`);
  });

  it('skips one record over the limit and reads the records after it', async () => {
    const huge = JSON.stringify({ id: 'huge', text: 'word '.repeat(2000) });
    const path = join(directory, 'one-huge.jsonl');
    writeFileSync(path, [record(1), huge, record(3)].join('\n'));
    const items = await readAll([path], { maxBytes: 1024 });
    assert.deepEqual(names(items), [
      [`${path}#r1`, 'document'],
      [`${path}:2`, 'failure'],
      [`${path}#r3`, 'document'],
    ]);
    assert.equal((items[1] as InputFailure).error.code, 'INPUT_TOO_LARGE');
  });

  it('streams gzip-compressed JSON Lines and JSON Lines on standard input', async () => {
    const text = `${Array.from({ length: 50 }, (_, index) => record(index)).join('\n')}\n`;
    const path = join(directory, 'many.jsonl.gz');
    writeFileSync(path, gzipSync(text));
    assert.equal((await readAll([path], { maxBytes: 512 })).length, 50);
    // Standard input in small chunks: records cut across chunks still parse.
    const chunks = text.match(/[\s\S]{1,37}/g)!.map((chunk) => Buffer.from(chunk));
    const items = await readAll(['-'], { stdin: Readable.from(chunks), maxBytes: 512 });
    assert.deepEqual(
      items.map((item) => item.input),
      Array.from({ length: 50 }, (_, index) => `-#r${index}`),
    );
  });

  it('names a record by its "input" field (as extract --json writes it), unless an earlier record took the name', async () => {
    const path = join(directory, 'named.jsonl');
    const lines = [
      JSON.stringify({ input: 'pages/a.html', text: 'Floods closed three bridges.' }),
      JSON.stringify({ input: 'pages/a.html', text: 'Floods closed three bridges again.' }),
      JSON.stringify({ input: 'pages/b.html', id: 'b', text: 'Floods shut three bridges.' }),
    ];
    writeFileSync(path, lines.join('\n'));
    assert.deepEqual(
      (await readAll([path])).map((item) => item.input),
      ['pages/a.html', `${path}:2`, 'pages/b.html'],
    );
  });
});
