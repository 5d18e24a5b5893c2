import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ErrorCode } from '../../src/errors.js';
import { type InputFailure, isInputFailure, readInputs } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/article.js';

let directory: string;

function file(name: string, content: string | Uint8Array): string {
  const path = join(directory, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function readAll(inputs: string[], options?: Parameters<typeof readInputs>[1]) {
  const items: Array<RawDocument | InputFailure> = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

async function readOne(input: string, options?: Parameters<typeof readInputs>[1]): Promise<RawDocument> {
  const items = await readAll([input], options);
  assert.equal(items.length, 1);
  const item = items[0]!;
  if (isInputFailure(item)) assert.fail(item.error.message);
  return item;
}

async function failureOf(input: string, options?: Parameters<typeof readInputs>[1]): Promise<InputFailure> {
  const items = await readAll([input], options);
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.ok(isInputFailure(item), 'expected a failure');
  return item;
}

function assertFailure(failure: InputFailure, code: ErrorCode, input: string): void {
  assert.equal(failure.error.code, code);
  assert.equal(failure.input, input);
  assert.ok(failure.error.message.includes(input), failure.error.message);
  assert.ok(!failure.error.message.includes('\n'));
}

const FRENCH =
  'Le café était très agréable — « ça va », dit-il. Über die Straße, naïve façade, “quoted” text for € 5.';
const RUSSIAN =
  'Госсекретарь США Энтони Блинкен заявил, что Запад должен взаимодействовать с Россией ради общих интересов.';

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'wiretrace-ingest-'));
});
after(() => rmSync(directory, { recursive: true, force: true }));

describe('readInputs: encodings', () => {
  it('reads UTF-8 text as given', async () => {
    const path = file('plain.txt', 'Hello “world”.\n');
    const document = await readOne(path);
    assert.deepEqual(document, {
      input: path,
      format: 'text',
      content: 'Hello “world”.\n',
      encoding: 'utf-8',
    });
  });

  it('strips a UTF-8 BOM', async () => {
    const document = await readOne(
      file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Hé')])),
    );
    assert.equal(document.content, 'Hé');
    assert.equal(document.encoding, 'utf-8');
  });

  it('detects Windows-1252 instead of producing replacement characters', async () => {
    const document = await readOne(file('latin.txt', iconv.encode(FRENCH, 'windows-1252')));
    assert.equal(document.encoding, 'windows-1252');
    assert.equal(document.content, FRENCH);
  });

  it('detects Windows-1251', async () => {
    const document = await readOne(file('cyrillic.txt', iconv.encode(RUSSIAN, 'windows-1251')));
    assert.equal(document.encoding, 'windows-1251');
    assert.equal(document.content, RUSSIAN);
  });

  it('decodes UTF-16 with a BOM in either byte order, and little-endian without one', async () => {
    const little = await readOne(
      file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FRENCH, 'utf-16le')])),
    );
    assert.equal(little.encoding, 'utf-16le');
    assert.equal(little.content, FRENCH);
    const big = await readOne(
      file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RUSSIAN, 'utf-16be')])),
    );
    assert.equal(big.encoding, 'utf-16be');
    assert.equal(big.content, RUSSIAN);
    const bare = await readOne(
      file('bare.txt', iconv.encode('Plain ASCII story text, in UTF-16.', 'utf-16le')),
    );
    assert.equal(bare.encoding, 'utf-16le');
    assert.equal(bare.content, 'Plain ASCII story text, in UTF-16.');
  });

  it('follows an HTML charset declaration', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>${RUSSIAN}</p></body></html>`;
    const document = await readOne(file('page.htm', iconv.encode(page, 'windows-1251')));
    assert.equal(document.format, 'html');
    assert.equal(document.encoding, 'windows-1251');
    assert.equal(document.content, page);
  });

  it('prefers valid UTF-8 over a wrong declaration', async () => {
    const page = `<html><head><meta charset="iso-8859-1"></head><body><p>${FRENCH}</p></body></html>`;
    const document = await readOne(file('mislabelled.html', page));
    assert.equal(document.encoding, 'utf-8');
    assert.equal(document.content, page);
  });
});

describe('readInputs: formats', () => {
  it('reads gzip-compressed HTML', async () => {
    const page = '<html><body><p>Compressed page.</p></body></html>';
    const path = file('page.html.gz', gzipSync(page));
    const document = await readOne(path);
    assert.equal(document.format, 'html');
    assert.equal(document.content, page);
    assert.equal(document.input, path);
  });

  it('sniffs HTML in a file without an extension', async () => {
    const document = await readOne(file('noext', '<!doctype html><html><body><p>Hi</p></body></html>'));
    assert.equal(document.format, 'html');
  });

  it('treats markup in a .txt file as text', async () => {
    assert.equal((await readOne(file('markup.txt', '<p>literally</p>'))).format, 'text');
  });

  it('reads JSON Lines, reporting a malformed line and going on', async () => {
    const lines = [
      JSON.stringify({
        id: 'a1',
        url: 'https://example.com/a',
        title: 'A',
        text: 'Story A.',
        published: '2021-03-24',
        source: 'Reuters',
      }),
      '{"id": "broken", "text": ',
      JSON.stringify({ html: '<p>Story B.</p>' }),
      JSON.stringify({ id: 'c', title: 'No body' }),
      '',
      JSON.stringify({ id: 'a1', text: 'Same id again.' }),
    ];
    const path = file('batch.jsonl', `${lines.join('\n')}\n`);
    const items = await readAll([path]);
    assert.equal(items.length, 5);
    const [first, broken, second, bodiless, repeated] = items;
    assert.deepEqual(first, {
      input: `${path}#a1`,
      format: 'text',
      content: 'Story A.',
      encoding: 'utf-8',
      meta: {
        id: 'a1',
        url: 'https://example.com/a',
        title: 'A',
        published: '2021-03-24',
        source: 'Reuters',
      },
    });
    assert.ok(isInputFailure(broken));
    assertFailure(broken, 'INPUT_MALFORMED', `${path}:2`);
    assert.equal(broken.error.message, `${path}:2: not valid JSON`);
    assert.ok(second && !isInputFailure(second) && second.input === `${path}:3` && second.format === 'html');
    assert.ok(isInputFailure(bodiless));
    assertFailure(bodiless, 'INPUT_MALFORMED', `${path}:4`);
    assert.ok(repeated && !isInputFailure(repeated) && repeated.input === `${path}:6`);
  });

  it('reads gzip-compressed JSON Lines', async () => {
    const path = file('batch.jsonl.gz', gzipSync(`${JSON.stringify({ id: 'x', text: 'Zipped.' })}\n`));
    const document = await readOne(path);
    assert.equal(document.input, `${path}#x`);
    assert.equal(document.content, 'Zipped.');
  });

  it('reads standard input as "-", sniffing its format', async () => {
    const html = await readOne('-', {
      stdin: Readable.from([Buffer.from('<html><body><p>From stdin.</p></body></html>')]),
    });
    assert.equal(html.input, '-');
    assert.equal(html.format, 'html');
    const text = await readOne('-', { stdin: Readable.from([Buffer.from('Just text.\n')]) });
    assert.equal(text.format, 'text');
    const records = await readAll(['-'], {
      stdin: Readable.from([`${JSON.stringify({ id: 'r', text: 'Record.' })}\n`]),
    });
    assert.equal((records[0] as RawDocument).input, '-#r');
    const zipped = await readOne('-', { stdin: Readable.from([gzipSync('Zipped stdin.')]) });
    assert.equal(zipped.content, 'Zipped stdin.');
  });
});

describe('readInputs: directories', () => {
  it('walks recursively in path order, skipping dotfiles, naming files after the argument', async () => {
    const root = join(directory, 'tree');
    file('tree/b.txt', 'B');
    file('tree/a/c.txt', 'C');
    file('tree/a/.hidden.txt', 'hidden');
    file('tree/.git/config', 'git');
    file('tree/z.html', '<p>Z</p>');
    file('tree/a b/d.txt', 'D');
    const items = await readAll([root]);
    assert.deepEqual(
      items.map((item) => item.input),
      [`${root}/a/c.txt`, `${root}/a b/d.txt`, `${root}/b.txt`, `${root}/z.html`],
    );
    const withSlash = await readAll([`${root}/`]);
    assert.equal(withSlash[0]!.input, `${root}/a/c.txt`);
  });

  it('reports a bad file inside a directory and goes on', async () => {
    file('mixed/1.txt', '');
    file('mixed/2.txt', 'Fine.');
    const items = await readAll([join(directory, 'mixed')]);
    assert.equal(items.length, 2);
    assert.ok(isInputFailure(items[0]!) && items[0].error.code === 'INPUT_EMPTY');
    assert.ok(!isInputFailure(items[1]!));
  });
});

describe('readInputs: failures', () => {
  it('reports a missing path and goes on with the batch', async () => {
    const missing = join(directory, 'nope.txt');
    const good = file('good.txt', 'Good.');
    const items = await readAll([missing, good]);
    assert.equal(items.length, 2);
    assert.ok(isInputFailure(items[0]!));
    assertFailure(items[0], 'INPUT_NOT_FOUND', missing);
    assert.equal((items[1] as RawDocument).content, 'Good.');
  });

  it('rejects an empty or blank file', async () => {
    assertFailure(await failureOf(file('empty.txt', '')), 'INPUT_EMPTY', join(directory, 'empty.txt'));
    assertFailure(await failureOf(file('blank.txt', ' \n\t\n')), 'INPUT_EMPTY', join(directory, 'blank.txt'));
  });

  it('rejects binary junk', async () => {
    const junk = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37) % 256));
    assertFailure(await failureOf(file('junk.txt', junk)), 'INPUT_BINARY', join(directory, 'junk.txt'));
    const controls = Buffer.from(Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41)));
    assertFailure(await failureOf(file('controls', controls)), 'INPUT_BINARY', join(directory, 'controls'));
  });

  it('rejects a file over the size limit, compressed or not', async () => {
    const big = file('big.txt', 'x'.repeat(2000));
    assertFailure(await failureOf(big, { maxBytes: 1000 }), 'INPUT_TOO_LARGE', big);
    const bomb = file('bomb.txt.gz', gzipSync('y'.repeat(5000)));
    assertFailure(await failureOf(bomb, { maxBytes: 1000 }), 'INPUT_TOO_LARGE', bomb);
    const stdin = await failureOf('-', {
      maxBytes: 10,
      stdin: Readable.from([Buffer.from('0123456789abc')]),
    });
    assertFailure(stdin, 'INPUT_TOO_LARGE', '-');
  });

  it('rejects a broken gzip stream', async () => {
    const broken = file('broken.html.gz', gzipSync('<p>almost</p>').subarray(0, 12));
    assertFailure(await failureOf(broken), 'INPUT_DECODE', broken);
    const notGzip = file('plain.html.gz', '<p>not compressed</p>');
    assertFailure(await failureOf(notGzip), 'INPUT_DECODE', notGzip);
  });
});
