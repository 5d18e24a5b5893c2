import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Corpus, openCorpus, readCorpusInputs } from '../../src/corpus/index.js';
import { createEngine } from '../../src/engine/engine.js';
import { FINGERPRINT_VERSION } from '../../src/fingerprint/document-fingerprint.js';
import { type InputFailure, isInputFailure } from '../../src/ingest/input-failure.js';
import { readInputs } from '../../src/ingest/read-inputs.js';
import type { RawDocument } from '../../src/model/article.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { EXAMPLE_DIRECTORY } from '../pipeline/seeds.js';
import { distinctArticle, tempFolder } from './support.js';

const engine = createEngine();
const folder = tempFolder();
after(() => folder.remove());

const EXAMPLES = fileURLToPath(EXAMPLE_DIRECTORY);
const WIRE = join(EXAMPLES, '001_91a7594f1c02de45.txt');
const SPUN = join(EXAMPLES, '000_31f6c2312a741652.txt');
const REWRITE = join(EXAMPLES, '002_8e4e4f2d4b117ffc.txt');

let corpora = 0;
async function newCorpus(): Promise<Corpus> {
  corpora++;
  return openCorpus(join(folder.path, `corpus-${corpora}.db`), { engine });
}

function record(id: string, text: string, extra: Record<string, string> = {}): RawDocument {
  return {
    input: `records.jsonl#${id}`,
    format: 'text',
    content: text,
    encoding: 'utf-8',
    meta: { id, ...extra },
  };
}

/** The input names of every document stored in a corpus file. */
async function storedInputs(path: string): Promise<string[]> {
  const store = await openSqliteStore(path, { fingerprintVersion: FINGERPRINT_VERSION, readonly: true });
  try {
    const { documents } = await store.info();
    const stored = await store.bySerials(Array.from({ length: documents + 10 }, (_, at) => at + 1));
    return stored.map((document) => document.input);
  } finally {
    await store.close();
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('corpus: the example story', () => {
  it('finds the spun copy and the rewrite of the wire story and groups all three in one story', async () => {
    const corpus = await newCorpus();
    try {
      const summary = await corpus.add(readCorpusInputs([EXAMPLES]));
      assert.deepEqual(summary, { read: 3, added: 3, versions: 0, duplicates: 0, failed: 0, relations: 3 });
      const stories = await corpus.stories();
      assert.equal(stories.length, 1);
      assert.deepEqual(
        stories[0]!.documents.map((document) => document.id).sort(),
        [SPUN, WIRE, REWRITE].sort(),
      );
      assert.equal(stories[0]!.root, WIRE);
      const matches = await corpus.find(WIRE);
      assert.deepEqual(
        matches.map((match) => [match.id, match.relation, match.direction]),
        [
          [SPUN, 'spun', 'copy'],
          [REWRITE, 'rewrite', 'copy'],
        ],
      );
      const wireText = (await collect(readCorpusInputs([WIRE]))) as RawDocument[];
      assert.equal(wireText.length, 1);
      for (const match of matches) {
        assert.ok(match.passages.length > 0);
        assert.ok(match.score > 0.5 && match.confidence > 0.5);
      }
      // Asked from the copy's side, the wire story is its source.
      const fromSpun = await corpus.find(SPUN);
      assert.deepEqual(
        fromSpun.filter((match) => match.id === WIRE).map((match) => [match.relation, match.direction]),
        [['spun', 'source']],
      );
      const trace = await corpus.trace(stories[0]!.id);
      assert.equal(trace?.stories.length, 1);
      assert.equal(await corpus.trace('story-none'), null);
    } finally {
      await corpus.close();
    }
  });

  it('is idempotent: adding the same articles again stores nothing and finds the same', async () => {
    const corpus = await newCorpus();
    try {
      await corpus.add(readCorpusInputs([EXAMPLES]));
      const before = await corpus.find(WIRE);
      const again = await corpus.add(readCorpusInputs([EXAMPLES]));
      assert.deepEqual(again, { read: 3, added: 0, versions: 0, duplicates: 3, failed: 0, relations: 0 });
      assert.equal((await corpus.info()).documents, 3);
      assert.deepEqual(await corpus.find(WIRE), before);
    } finally {
      await corpus.close();
    }
  });

  it('makes the same stories and relations whatever order the articles arrive in', async () => {
    const forward = await newCorpus();
    const backward = await newCorpus();
    try {
      await forward.add(readCorpusInputs([WIRE, SPUN, REWRITE]));
      await backward.add(readCorpusInputs([REWRITE, SPUN, WIRE]));
      const shape = async (corpus: Corpus) => ({
        stories: (await corpus.stories()).map((story) => [story.id, story.root, story.members]),
        matches: (await corpus.find(WIRE)).map((match) => [match.id, match.relation, match.direction]),
      });
      assert.deepEqual(await shape(backward), await shape(forward));
    } finally {
      await forward.close();
      await backward.close();
    }
  });

  it('finds copies across batches the same way as within one, with the lookups in a thread of their own or not', async () => {
    const [wire, spun, rewrite] = (await collect(readCorpusInputs([WIRE, SPUN, REWRITE]))) as RawDocument[];
    const filler = (n: number) => record(`filler-${n}`, distinctArticle(200 + n));
    // Copies one batch apart (checked in memory) and two apart (found by the lookups).
    const arrivals = [wire!, spun!, filler(1), filler(2), rewrite!, filler(3)];
    const shapes: unknown[] = [];
    for (const [workers, batchSize] of [
      [1, 1024],
      [1, 1],
      [2, 1],
      [2, 2],
    ] as const) {
      corpora++;
      const path = join(folder.path, `corpus-${corpora}.db`);
      const corpus = await openCorpus(path, workers === 1 ? { engine } : { workers });
      try {
        const summary = await corpus.add(arrivals, { batchSize });
        assert.equal(summary.added, arrivals.length);
        shapes.push({
          stories: (await corpus.stories()).map((story) => [
            story.root,
            story.documents.map((d) => d.id).sort(),
          ]),
          fromWire: (await corpus.find(WIRE)).map((match) => [match.id, match.relation, match.direction]),
          fromRewrite: (await corpus.find(REWRITE)).map((match) => [
            match.id,
            match.relation,
            match.direction,
          ]),
        });
      } finally {
        await corpus.close();
      }
    }
    assert.equal((shapes[0] as { fromWire: unknown[] }).fromWire.length, 2);
    for (const shape of shapes.slice(1)) assert.deepEqual(shape, shapes[0]);
  });

  it('compares a document that is not stored without storing it', async () => {
    const corpus = await newCorpus();
    try {
      await corpus.add(readCorpusInputs([WIRE]));
      const [spun] = (await collect(readCorpusInputs([SPUN]))) as RawDocument[];
      const matches = await corpus.find(spun!);
      assert.deepEqual(
        matches.map((match) => [match.id, match.relation, match.direction]),
        [[WIRE, 'spun', 'source']],
      );
      assert.equal((await corpus.info()).documents, 1);
    } finally {
      await corpus.close();
    }
  });
});

describe('corpus: versions, removal and retention', () => {
  it('stores the same id with new text as a new version, and finds the latest', async () => {
    const corpus = await newCorpus();
    try {
      await corpus.add([record('a', distinctArticle(1))]);
      const second = await corpus.add([record('a', distinctArticle(2)), record('a', distinctArticle(2))]);
      assert.deepEqual(second, { read: 2, added: 1, versions: 1, duplicates: 1, failed: 0, relations: 0 });
      assert.equal((await corpus.info()).documents, 2);
    } finally {
      await corpus.close();
    }
  });

  it('removes by id and regroups the story that lost a member', async () => {
    const corpus = await newCorpus();
    try {
      await corpus.add(readCorpusInputs([EXAMPLES]));
      assert.equal(await corpus.remove({ ids: [REWRITE] }), 1);
      const [story] = await corpus.stories();
      assert.deepEqual(story?.documents.map((document) => document.id).sort(), [SPUN, WIRE].sort());
      assert.deepEqual(
        (await corpus.find(WIRE)).map((match) => match.id),
        [SPUN],
      );
      // Without the wire story the spun copy stands alone: no story is left.
      assert.equal(await corpus.remove({ ids: [WIRE] }), 1);
      assert.deepEqual(await corpus.stories(), []);
      assert.deepEqual(await corpus.find(SPUN), []);
      await assert.rejects(corpus.find(WIRE), /no document with this id/);
    } finally {
      await corpus.close();
    }
  });

  it('removes by source and expires documents older than the days kept', async () => {
    const corpus = await newCorpus();
    try {
      await corpus.add([
        record('old', distinctArticle(10), { published: '2021-03-01', source: 'Wire' }),
        record('recent', distinctArticle(11), { published: '2021-04-25', source: 'Wire' }),
        record('blog', distinctArticle(12), { published: '2021-04-28', source: 'Blog' }),
      ]);
      const now = new Date('2021-05-01T00:00:00Z');
      assert.equal(await corpus.prune(30, now), 1);
      assert.equal(await corpus.has('old'), false);
      assert.equal(await corpus.has('recent'), true);
      assert.equal(await corpus.remove({ source: 'Blog' }), 1);
      assert.equal((await corpus.info()).documents, 1);
    } finally {
      await corpus.close();
    }
  });
});

describe('corpus: bad input', () => {
  it('reports malformed JSON Lines records by file and line, and stores the rest (gzip streamed too)', async () => {
    const lines = [
      JSON.stringify({ id: 'good-1', text: distinctArticle(21) }),
      '{"id": "broken", "text": "unterminated',
      '["an array"]',
      JSON.stringify({ id: 'empty', text: '   ' }),
      JSON.stringify({
        id: 'good-2',
        html: `<html><body><article><p>${distinctArticle(22)}</p></article></body></html>`,
      }),
    ];
    const plain = folder.write('records.jsonl', `${lines.join('\n')}\n`);
    const gzipped = folder.write(
      'more.jsonl.gz',
      gzipSync(`${JSON.stringify({ id: 'good-3', text: distinctArticle(23) })}\nnot json\n`),
    );
    const corpus = await newCorpus();
    const problems: InputFailure[] = [];
    try {
      const summary = await corpus.add(readCorpusInputs([plain, gzipped]), {
        onProblem: (failure) => problems.push(failure),
      });
      assert.equal(summary.added, 3);
      assert.equal(summary.failed, 4);
      assert.deepEqual(
        problems.map((problem) => problem.error.message),
        [
          `${plain}:2: not valid JSON`,
          `${plain}:3: not a JSON object`,
          `${plain}:4: no "text" or "html" field with content`,
          `${gzipped}:2: not valid JSON`,
        ],
      );
      for (const id of ['good-1', 'good-2', 'good-3']) assert.ok(await corpus.has(id), id);
    } finally {
      await corpus.close();
    }
  });

  it('names records parsed in the pool threads as the reader names them: own names first, file:line for a name taken', async () => {
    const lines = [
      JSON.stringify({ input: 'story.html', text: distinctArticle(31) }),
      JSON.stringify({ input: 'story.html', text: distinctArticle(32) }),
      JSON.stringify({ input: 'story.html', id: 'kept-id', text: distinctArticle(33) }),
      JSON.stringify({ id: 'by-id', text: distinctArticle(34) }),
      JSON.stringify({ id: 'by-id', text: distinctArticle(35) }),
      '',
      JSON.stringify({ text: distinctArticle(36) }),
      JSON.stringify({ input: 'empty', text: ' ' }),
      JSON.stringify({ input: 'empty', text: distinctArticle(37) }),
    ];
    const file = folder.write('named.jsonl', `\ufeff${lines.join('\n')}\n`);
    const expected = (await collect(readInputs([file]))).map((item) =>
      isInputFailure(item) ? `failed ${item.input}` : (item as RawDocument).input,
    );
    for (const workers of [1, 2]) {
      corpora++;
      const path = join(folder.path, `corpus-${corpora}.db`);
      const corpus = await openCorpus(path, { workers });
      const problems: string[] = [];
      try {
        await corpus.add(readCorpusInputs([file]), {
          onProblem: (failure) => problems.push(`failed ${failure.input}`),
        });
        assert.ok(await corpus.has('kept-id'));
        assert.ok(await corpus.has(`${file}:2`), 'an own name taken: named by its line');
      } finally {
        await corpus.close();
      }
      const stored = await storedInputs(path);
      assert.deepEqual([...stored, ...problems].sort(), [...expected].sort(), `${workers} workers`);
    }
  });

  it('reports a damaged gzip file and keeps the records read before the damage', async () => {
    // Longer than the reader's 64 KB sniffing window, so records come before the damage.
    const whole = gzipSync(
      Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({ id: `r${i}`, text: distinctArticle(100 + i, 4, 60) }),
      ).join('\n'),
    );
    const damaged = folder.write('damaged.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const corpus = await newCorpus();
    const problems: string[] = [];
    try {
      const summary = await corpus.add(readCorpusInputs([damaged]), {
        onProblem: (failure) => problems.push(failure.error.message),
      });
      assert.ok(summary.added > 0 && summary.added < 200, `added ${summary.added}`);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /damaged\.jsonl\.gz/);
    } finally {
      await corpus.close();
    }
  });

  it('adds the pages of a WARC file by their URLs, reporting and skipping a malformed record', async () => {
    const warc = fileURLToPath(new URL('../../../test/fixtures/ingest/news.warc', import.meta.url));
    const corpus = await newCorpus();
    const problems: string[] = [];
    try {
      const summary = await corpus.add(readCorpusInputs([warc]), {
        onProblem: (failure) => problems.push(failure.error.message),
      });
      assert.equal(summary.added, 2);
      assert.equal(summary.failed, 1);
      assert.match(problems[0]!, /record-5: malformed WARC record/);
      assert.ok(await corpus.has('https://news.example/riverton-floods'));
    } finally {
      await corpus.close();
    }
  });

  it('refuses a corpus written with other fingerprints, saying so', async () => {
    const path = join(folder.path, 'not-a-corpus.db');
    folder.write('not-a-corpus.db', readFileSync(fileURLToPath(new URL(import.meta.url))));
    await assert.rejects(openCorpus(path, { engine }), /not a wiretrace corpus/);
  });
});

describe('corpus: identical copies', () => {
  it('stores the same text under another id as a document of its own, identical to the first', async () => {
    const corpus = await newCorpus();
    try {
      const text = distinctArticle(40, 4, 40);
      const summary = await corpus.add([record('wire', text), record('mirror', text)]);
      assert.equal(summary.added, 2);
      assert.deepEqual(
        (await corpus.find('mirror')).map((match) => [match.id, match.relation, match.score]),
        [['wire', 'identical', 1]],
      );
      // The passage of an identical copy spans the whole stored text on both sides.
      const [match] = await corpus.find('mirror');
      assert.deepEqual(
        match!.passages.map((passage) => [passage.kind, passage.query, passage.match]),
        [['verbatim', [0, text.length], [0, text.length]]],
      );
    } finally {
      await corpus.close();
    }
  });
});
