import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ErrorCode } from '../../src/errors.js';
import { extractArticle } from '../../src/extract/index.js';
import { type InputFailure, isInputFailure, readInputs } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/article.js';

let directory: string;

before(() => {
  directory = mkdtempSync(join(tmpdir(), 'wiretrace-robust-'));
});
after(() => rmSync(directory, { recursive: true, force: true }));

async function read(name: string, bytes: Uint8Array | string): Promise<RawDocument | InputFailure> {
  const path = join(directory, name);
  writeFileSync(path, bytes);
  const items: Array<RawDocument | InputFailure> = [];
  for await (const item of readInputs([path])) items.push(item);
  assert.equal(items.length, 1);
  return items[0]!;
}

async function decoded(name: string, bytes: Uint8Array | string): Promise<RawDocument> {
  const item = await read(name, bytes);
  if (isInputFailure(item)) assert.fail(item.error.message);
  return item;
}

async function failure(name: string, bytes: Uint8Array | string, code: ErrorCode): Promise<void> {
  const item = await read(name, bytes);
  assert.ok(isInputFailure(item), `expected ${code}, got a document`);
  assert.equal(item.error.code, code, item.error.message);
  assert.ok(!item.error.message.includes('\n'));
}

const JAPANESE =
  '東京電力は24日、福島第一原子力発電所の処理水を海に放出する計画について、地元の漁業関係者と協議を続けると発表した。政府は安全性に問題はないと説明している。';
const CHINESE = '北京时间周三，北约秘书长斯托尔滕贝格呼吁俄罗斯恢复对话，他表示即使关系困难也需要加以管理。';
const TRADITIONAL = '北約秘書長斯托爾滕貝格呼籲俄羅斯恢復對話，他表示即使關係困難也需要加以管理。';
const KOREAN =
  '블링컨 미 국무장관은 수요일 나토 회의에서 서방은 러시아와 관여해야 하지만 냉철함을 유지해야 한다고 말했다.';
const RUSSIAN =
  'Госсекретарь США Энтони Блинкен заявил, что Запад должен взаимодействовать с Россией ради общих интересов.';
const POLISH = 'Sekretarz stanu powiedział w środę, że Zachód musi współpracować z Rosją. Zażółć gęślą jaźń.';
const FRENCH =
  'Le café était très agréable — « ça va », dit-il. Über die Straße, naïve façade, “quoted” text for € 5.';

function page(story: string, head = ''): string {
  return `<!DOCTYPE html><html><head>${head}<title>Story</title></head><body><article><p>${story}</p></article></body></html>`;
}

describe('charsets: declared', () => {
  const cases: ReadonlyArray<[string, string, string, string]> = [
    ['Shift_JIS', JAPANESE, 'shift_jis', '<meta charset="Shift_JIS">'],
    ['Shift_JIS under a Windows label', JAPANESE, 'shift_jis', '<meta charset="windows-31j">'],
    ['EUC-JP', JAPANESE, 'euc-jp', '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">'],
    ['GB18030', CHINESE, 'gb18030', '<meta charset="gb18030">'],
    ['GB2312, read as its superset GB18030', CHINESE, 'gb18030', '<meta charset="gb2312">'],
    ['Big5', TRADITIONAL, 'big5', '<meta charset="big5">'],
    ['EUC-KR', KOREAN, 'euc-kr', '<meta charset="euc-kr">'],
    [
      'ISO-8859-2 by http-equiv',
      POLISH,
      'iso-8859-2',
      '<meta http-equiv="content-type" content="text/html;charset=ISO-8859-2">',
    ],
    ['Windows-1251 under an x- label', RUSSIAN, 'windows-1251', '<meta charset="x-cp1251">'],
  ];
  for (const [name, story, encoding, declaration] of cases) {
    it(name, async () => {
      const html = page(story, declaration);
      const document = await decoded('declared.html', iconv.encode(html, encoding));
      assert.equal(document.encoding, encoding);
      assert.equal(document.content, html);
    });
  }

  it('a declaration after a long inline script in the head', async () => {
    // Too short for statistics to tell KOI8-R: only the late declaration does.
    const html = page(
      'Госсекретарь заявил.',
      `<script>${'var a = 1;\n'.repeat(800)}</script><meta charset="koi8-r">`,
    );
    const document = await decoded('late.html', iconv.encode(html, 'koi8-r'));
    assert.equal(document.encoding, 'koi8-r');
    assert.equal(document.content, html);
  });
});

describe('charsets: detected', () => {
  it('Shift_JIS without a declaration, in HTML and in text', async () => {
    const html = page(JAPANESE);
    assert.equal((await decoded('sjis.html', iconv.encode(html, 'shift_jis'))).content, html);
    const text = await decoded('sjis.txt', iconv.encode(JAPANESE, 'shift_jis'));
    assert.deepEqual([text.encoding, text.content], ['shift_jis', JAPANESE]);
  });

  it('EUC-JP, GB18030, Big5 and EUC-KR without a declaration', async () => {
    const cases: ReadonlyArray<[string, string]> = [
      [JAPANESE, 'euc-jp'],
      [CHINESE, 'gb18030'],
      [TRADITIONAL, 'big5'],
      [KOREAN, 'euc-kr'],
    ];
    for (const [story, encoding] of cases) {
      const document = await decoded(`${encoding}.txt`, iconv.encode(story, encoding));
      assert.deepEqual([document.encoding, document.content], [encoding, story]);
    }
  });

  it('Windows-1251 Cyrillic without a declaration', async () => {
    const html = page(RUSSIAN);
    const document = await decoded('cp1251.html', iconv.encode(html, 'windows-1251'));
    assert.deepEqual([document.encoding, document.content], ['windows-1251', html]);
  });

  it('UTF-16 in both byte orders, with and without a BOM, in any script', async () => {
    for (const story of [JAPANESE, RUSSIAN, CHINESE, FRENCH, page(KOREAN)]) {
      for (const encoding of ['utf-16le', 'utf-16be']) {
        const bare = await decoded('bare.txt', iconv.encode(story, encoding));
        assert.deepEqual(
          [bare.encoding, bare.content],
          [encoding, story],
          `${encoding}: ${story.slice(0, 20)}`,
        );
        const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
        const marked = await decoded(
          'bom.txt',
          Buffer.concat([Buffer.from(bom), iconv.encode(story, encoding)]),
        );
        assert.deepEqual([marked.encoding, marked.content], [encoding, story]);
      }
    }
  });
});

describe('charsets: declarations that lie', () => {
  it('says UTF-8, bytes are Windows-1252', async () => {
    const html = page(FRENCH, '<meta charset="utf-8">');
    const document = await decoded('lie.html', iconv.encode(html, 'windows-1252'));
    assert.deepEqual([document.encoding, document.content], ['windows-1252', html]);
  });

  it('says Windows-1252, bytes are UTF-8 (also with a stray invalid byte)', async () => {
    const html = page(FRENCH, '<meta charset="windows-1252">');
    assert.deepEqual((await decoded('lie.html', html)).encoding, 'utf-8');
    const strayed = Buffer.concat([
      Buffer.from(page(FRENCH.repeat(5), '<meta charset="windows-1252">')),
      Buffer.from([0xe9]),
    ]);
    const document = await decoded('stray.html', strayed);
    assert.equal(document.encoding, 'utf-8');
    assert.ok(document.content.includes(FRENCH));
  });

  it('says ISO-8859-1, bytes are Shift_JIS', async () => {
    const html = page(JAPANESE, '<meta charset="iso-8859-1">');
    const document = await decoded('lie.html', iconv.encode(html, 'shift_jis'));
    assert.deepEqual([document.encoding, document.content], ['shift_jis', html]);
  });
});

describe('compression', () => {
  const html = page('A compressed story about the floods.');

  it('reads .html.gz', async () => {
    assert.equal((await decoded('page.html.gz', gzipSync(html))).content, html);
  });

  it('reads gzip bytes whatever the file is named', async () => {
    const document = await decoded('page.html', gzipSync(html));
    assert.deepEqual([document.format, document.content], ['html', html]);
    assert.equal((await decoded('story.txt', gzipSync('Plain story text.'))).content, 'Plain story text.');
  });

  it('reads gzip on standard input', async () => {
    const items: Array<RawDocument | InputFailure> = [];
    for await (const item of readInputs(['-'], { stdin: Readable.from([gzipSync(html)]) })) items.push(item);
    assert.equal((items[0] as RawDocument).content, html);
  });

  it('reports a truncated gzip stream', async () => {
    await failure('cut.html.gz', gzipSync(html).subarray(0, 20), 'INPUT_DECODE');
  });
});

describe('junk and emptiness', () => {
  it('reports an empty file and a file of blanks as empty', async () => {
    await failure('empty.html', '', 'INPUT_EMPTY');
    await failure('blank.txt', ' \n\t\n ', 'INPUT_EMPTY');
    await failure('empty.html.gz', gzipSync(''), 'INPUT_EMPTY');
  });

  it('reports binary junk as binary', async () => {
    const junk = new Uint8Array(8192);
    let state = 12345;
    for (let index = 0; index < junk.length; index++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      junk[index] = state >>> 24;
    }
    await failure('junk.html', junk, 'INPUT_BINARY');
    // An image: PNG signature, then chunks full of NUL bytes on both sides.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
      junk,
    ]);
    await failure('picture.html', png, 'INPUT_BINARY');
  });

  it('does not take text with a stray NUL byte for UTF-16', async () => {
    const text =
      'Heavy rain flooded dozens of streets in the city centre on Tuesday night.\n\nThe mayor said repairs would begin next week.\n';
    const document = await decoded(
      'nul.txt',
      Buffer.concat([Buffer.from(text), Buffer.from([0]), Buffer.from(text)]),
    );
    assert.equal(document.content, `${text}${text}`);
  });

  it('reads UTF-8 or 8-bit text with a stray NUL byte as the text without it, wherever the byte falls', async () => {
    // Read as UTF-16, pairs of such bytes are mostly assigned CJK code points: the one NUL must
    // not tip the balance. A browser shows such a page, leaving the NUL out.
    for (const [name, text] of [
      ['page.html', `${page(`${FRENCH} ${RUSSIAN}`)}\n`.repeat(10)],
      ['lines.html', `${page('Hello world, this is text.')}\n`.repeat(30)],
      ['ascii.txt', 'The quick brown fox jumps over the lazy dog. Another sentence follows\n'.repeat(20)],
      ['latin1.txt', `${'Le café de la gare ferme à midi, a dit le maire.\n'.repeat(20)}`],
    ] as const) {
      const bytes = name === 'latin1.txt' ? Buffer.from(text, 'latin1') : Buffer.from(text);
      for (let position = 1; position + 1 < bytes.length; position += Math.floor(bytes.length / 7)) {
        // Over an ASCII byte: the text is that of the bytes without it.
        if (bytes[position]! >= 0x80) continue;
        const damaged = Buffer.from(bytes);
        damaged[position] = 0;
        const without = Buffer.concat([bytes.subarray(0, position), bytes.subarray(position + 1)]);
        const expected = await decoded(name, without);
        assert.equal((await decoded(name, damaged)).content, expected.content, `${name}, NUL at ${position}`);
      }
    }
  });

  it('reports bytes with more than a few NULs as binary', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. Another sentence follows\n'.repeat(20);
    const damaged = Buffer.from(text);
    for (let at = 5; at < damaged.length; at += 97) damaged[at] = 0;
    await failure('many-nuls.txt', damaged, 'INPUT_BINARY');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(directory, 'big.html');
    writeFileSync(path, page('x'.repeat(2000)));
    const items: Array<RawDocument | InputFailure> = [];
    for await (const item of readInputs([path], { maxBytes: 1000 })) items.push(item);
    assert.ok(isInputFailure(items[0]));
    assert.equal((items[0] as InputFailure).error.code, 'INPUT_TOO_LARGE');
  });
});

describe('decoded pages extract', () => {
  it('a Shift_JIS page without a declaration comes out as Japanese text', async () => {
    const document = await decoded('ja.html', iconv.encode(page(`${JAPANESE}${JAPANESE}`), 'shift_jis'));
    const article = extractArticle(document);
    assert.equal(article.text, `${JAPANESE}${JAPANESE}`);
    assert.equal(article.language, 'ja');
  });
});
