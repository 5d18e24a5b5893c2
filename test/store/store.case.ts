/**
 * The store conformance suite: every backend's test imports it and runs it against a fresh store,
 * so each one keeps the same promises (idempotent commits, versions, buckets, relations, stories,
 * removal, version checks).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWiretraceError } from '../../src/errors.js';
import { packText } from '../../src/store/packed-text.js';
import { documentKey, type NewDocument, type OpenStoreOptions, type Store } from '../../src/store/store.js';

/** One place a backend keeps its data: opened as often as a test likes, then thrown away. */
export interface StoreLocation {
  open(options: OpenStoreOptions): Promise<Store>;
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  /** A new, empty location. */
  location(): Promise<StoreLocation>;
}

const FINGERPRINTS = { fingerprintVersion: 7 };

export function document(id: string, text: string, extra: Partial<NewDocument> = {}): NewDocument {
  return {
    id,
    contentId: `content:${text}`,
    url: null,
    source: null,
    title: null,
    published: null,
    input: `${id}.txt`,
    packedText: packText(text),
    signature: new Uint8Array([1, 2, 3]),
    keys: [],
    story: id,
    ...extra,
  };
}

async function withStore(
  backend: StoreBackend,
  body: (store: Store, location: StoreLocation) => Promise<void>,
) {
  const location = await backend.location();
  const store = await location.open(FINGERPRINTS);
  try {
    await body(store, location);
  } finally {
    await store.close();
    await location.dispose();
  }
}

export function storeConformance(backend: StoreBackend): void {
  describe(`store conformance: ${backend.name}`, () => {
    it('starts empty and reports its versions', async () => {
      await withStore(backend, async (store) => {
        const info = await store.info();
        assert.equal(info.documents, 0);
        assert.equal(info.fingerprintVersion, 7);
        assert.ok(info.schemaVersion >= 1);
      });
    });

    it('stores documents and reads them back by content id, id and serial, text intact', async () => {
      await withStore(backend, async (store) => {
        const text = 'Zürich — “quoted” 東京 😀\n\nSecond paragraph.';
        const result = await store.commit({
          documents: [
            document('a', text, { url: 'https://example.org/a', source: 'Example', published: '2021-03-24' }),
            document('b', 'Other text.'),
          ],
          relations: [],
          storyMerges: [],
        });
        assert.equal(result.inserted, 2);
        const [serialA, serialB] = result.serials as [number, number];
        assert.notEqual(serialA, serialB);
        const found = await store.byKeys([
          { id: 'a', contentId: `content:${text}` },
          { id: 'b', contentId: `content:${text}` },
          { id: 'a', contentId: 'content:missing' },
        ]);
        assert.equal(found.size, 1);
        const stored = found.get(documentKey({ id: 'a', contentId: `content:${text}` }))!;
        assert.equal(stored.text, text);
        assert.equal(stored.url, 'https://example.org/a');
        assert.equal(stored.source, 'Example');
        assert.equal(stored.published, '2021-03-24');
        assert.equal(stored.version, 1);
        assert.deepEqual([...stored.signature], [1, 2, 3]);
        assert.equal((await store.byId('b'))?.serial, serialB);
        assert.equal(await store.byId('nobody'), null);
        const bySerial = await store.bySerials([serialB, serialA, 99_999]);
        assert.deepEqual(
          bySerial.map((found) => found.id),
          ['a', 'b'],
        );
      });
    });

    it('is idempotent: the same document committed again is stored once, with its first serial', async () => {
      await withStore(backend, async (store) => {
        const batch = {
          documents: [document('a', 'Text one.', { keys: [11, 12] }), document('b', 'Text two.')],
          relations: [],
          storyMerges: [],
        };
        const first = await store.commit(batch);
        const again = await store.commit(batch);
        assert.equal(again.inserted, 0);
        assert.deepEqual(again.serials, first.serials);
        // The same text under another id is another document: an identical copy.
        const renamed = await store.commit({
          documents: [document('c', 'Text one.')],
          relations: [],
          storyMerges: [],
        });
        assert.equal(renamed.inserted, 1);
        assert.notEqual(renamed.serials[0], first.serials[0]);
        assert.equal((await store.info()).documents, 3);
        assert.deepEqual([...(await store.candidates([11], 10)).entries()], [[first.serials[0], 1]]);
      });
    });

    it('keeps a new version when an id arrives with new text', async () => {
      await withStore(backend, async (store) => {
        await store.commit({ documents: [document('a', 'First text.')], relations: [], storyMerges: [] });
        await store.commit({ documents: [document('a', 'Corrected text.')], relations: [], storyMerges: [] });
        const latest = await store.byId('a');
        assert.equal(latest?.version, 2);
        assert.equal(latest?.text, 'Corrected text.');
        assert.deepEqual([...(await store.latestVersions(['a', 'b'])).entries()], [['a', 2]]);
      });
    });

    it('counts shared bucket keys per document and skips overfull keys', async () => {
      await withStore(backend, async (store) => {
        const { serials } = await store.commit({
          documents: [
            document('a', 'A.', { keys: [1, 2, 3, 100] }),
            document('b', 'B.', { keys: [2, 3, 100] }),
            document('c', 'C.', { keys: [3, 100, 2 ** 52 + 5] }),
          ],
          relations: [],
          storyMerges: [],
        });
        const [a, b, c] = serials as [number, number, number];
        const found = await store.candidates([1, 2, 3, 100], 2);
        // Key 3 and key 100 are under three documents, more than 2: they are skipped.
        assert.deepEqual(
          [...found.entries()].sort((x, y) => x[0] - y[0]),
          [
            [a, 2],
            [b, 1],
          ],
        );
        assert.deepEqual([...(await store.candidates([2 ** 52 + 5], 5)).entries()], [[c, 1]]);
      });
    });

    it('finds bucket entries of many commits, one document or a batch at a time, and forgets removed ones', async () => {
      await withStore(backend, async (store) => {
        // Enough commits that a log-structured index merges its runs; every key stays found.
        const serials: number[] = [];
        for (let commit = 0; commit < 25; commit++) {
          const { serials: added } = await store.commit({
            documents: [
              document(`d${commit}`, `Text ${commit}.`, { keys: [1000 + commit, 5000 + (commit % 3), 7] }),
            ],
            relations: [],
            storyMerges: [],
          });
          serials.push(added[0]!);
        }
        for (let commit = 0; commit < 25; commit++) {
          assert.deepEqual(
            [...(await store.candidates([1000 + commit], 5)).entries()],
            [[serials[commit], 1]],
          );
        }
        const [first, second] = await store.candidatesOfMany(
          [
            [1003, 5000],
            [1004, 9999],
          ],
          10,
        );
        const sharingKey5000 = serials.filter((_, commit) => commit % 3 === 0);
        assert.deepEqual(
          [...first!.entries()].sort((x, y) => x[0] - y[0]),
          sharingKey5000.map((serial) => [serial, serial === serials[3] ? 2 : 1]),
        );
        assert.deepEqual([...second!.entries()], [[serials[4], 1]]);
        // Key 7 is under all 25 documents: more than 10, so it says nothing.
        assert.equal((await store.candidates([7], 10)).size, 0);
        await store.remove({ ids: ['d3'] });
        assert.equal((await store.candidates([1003], 5)).size, 0);
      });
    });

    it('finds every key of large commits after their runs merge, and forgets one removed among many', async () => {
      await withStore(backend, async (store) => {
        // Hundreds of keys per document and interleaved across commits: runs span many pages.
        const serials: number[] = [];
        for (let commit = 0; commit < 12; commit++) {
          const keys = Array.from({ length: 700 }, (_, at) => 2 ** 40 + at * 16 + commit);
          const { serials: added } = await store.commit({
            documents: [document(`big${commit}`, `Big text ${commit}.`, { keys: [...keys, 3] })],
            relations: [],
            storyMerges: [],
          });
          serials.push(added[0]!);
        }
        for (let commit = 0; commit < 12; commit++) {
          for (const at of [0, 1, 350, 511, 512, 699]) {
            assert.deepEqual(
              [...(await store.candidates([2 ** 40 + at * 16 + commit], 5)).entries()],
              [[serials[commit], 1]],
            );
          }
        }
        assert.deepEqual(
          [...(await store.candidates([3], 20)).entries()].sort((x, y) => x[0] - y[0]),
          serials.map((serial) => [serial, 1]),
        );
        await store.remove({ ids: ['big5'] });
        assert.equal((await store.candidates([2 ** 40 + 400 * 16 + 5], 5)).size, 0);
        assert.equal((await store.candidates([3], 20)).size, 11);
        assert.deepEqual(
          [...(await store.candidates([2 ** 40 + 400 * 16 + 6], 5)).entries()],
          [[serials[6], 1]],
        );
      });
    });

    it('stores relations by content id, within one batch and across batches', async () => {
      await withStore(backend, async (store) => {
        await store.commit({ documents: [document('a', 'Source.')], relations: [], storyMerges: [] });
        const { serials } = await store.commit({
          documents: [document('b', 'Copy.', { story: 'b' })],
          relations: [
            {
              source: documentKey({ id: 'a', contentId: 'content:Source.' }),
              copy: documentKey({ id: 'b', contentId: 'content:Copy.' }),
              relation: 'copy',
              score: 0.9,
              confidence: 0.8,
              directed: true,
              passages: [{ kind: 'verbatim', source: [0, 6], copy: [0, 4], similarity: 1 }],
            },
          ],
          storyMerges: [{ from: 'b', into: 'a' }],
        });
        const a = (await store.byId('a'))!.serial;
        const relations = await store.relationsOf(serials[0]!);
        assert.equal(relations.length, 1);
        assert.deepEqual(relations[0], {
          source: a,
          copy: serials[0],
          relation: 'copy',
          score: 0.9,
          confidence: 0.8,
          directed: true,
          passages: [{ kind: 'verbatim', source: [0, 6], copy: [0, 4], similarity: 1 }],
        });
        assert.deepEqual(await store.relationsOf(a), relations);
        assert.deepEqual(
          (await store.storyMembers('a')).map((member) => member.id),
          ['a', 'b'],
        );
        assert.equal((await store.storyRelations('a')).length, 1);
      });
    });

    it('lists stories of two or more documents, filtered by date', async () => {
      await withStore(backend, async (store) => {
        await store.commit({
          documents: [
            document('a', 'A.', { story: 's1', published: '2021-01-01' }),
            document('b', 'B.', { story: 's1', published: '2021-01-03' }),
            document('c', 'C.', { story: 's2', published: '2021-02-01' }),
            document('d', 'D.', { story: 's2', published: '2021-02-02' }),
            document('e', 'E.', { story: 's3', published: '2021-02-02' }),
          ],
          relations: [],
          storyMerges: [],
        });
        const all = await store.stories();
        assert.deepEqual(
          all.map((story) => [story.story, story.members, story.first, story.last]),
          [
            ['s1', 2, '2021-01-01', '2021-01-03'],
            ['s2', 2, '2021-02-01', '2021-02-02'],
          ],
        );
        assert.deepEqual(
          (await store.stories({ since: '2021-01-15' })).map((story) => story.story),
          ['s2'],
        );
        assert.equal((await store.info()).stories, 2);
      });
    });

    it('removes by id, source and date, with bucket entries and relations', async () => {
      await withStore(backend, async (store) => {
        await store.commit({
          documents: [
            document('a', 'A1.', { keys: [5], published: '2020-01-01', source: 'Wire' }),
            document('b', 'B.', { keys: [5], published: '2021-01-01', source: 'Blog' }),
            document('c', 'C.', { keys: [5], published: '2022-01-01', source: 'Wire' }),
          ],
          relations: [
            {
              source: documentKey({ id: 'a', contentId: 'content:A1.' }),
              copy: documentKey({ id: 'b', contentId: 'content:B.' }),
              relation: 'copy',
              score: 1,
              confidence: 1,
              directed: true,
              passages: [],
            },
          ],
          storyMerges: [],
        });
        await store.commit({
          documents: [document('a', 'A2.', { keys: [5], published: '2023-01-01' })],
          relations: [],
          storyMerges: [],
        });
        const removedA = await store.remove({ ids: ['a'] });
        assert.deepEqual(
          removedA.map((removed) => removed.version),
          [1, 2],
        );
        assert.equal(await store.byId('a'), null);
        const b = (await store.byId('b'))!;
        assert.deepEqual(await store.relationsOf(b.serial), []);
        assert.equal((await store.candidates([5], 10)).size, 2);
        assert.deepEqual(
          (await store.remove({ source: 'Wire' })).map((removed) => removed.id),
          ['c'],
        );
        assert.deepEqual(await store.remove({ before: '2020-06-01' }), []);
        assert.deepEqual(
          (await store.remove({ before: '2021-06-01' })).map((removed) => removed.id),
          ['b'],
        );
        assert.equal((await store.info()).documents, 0);
        assert.equal((await store.candidates([5], 10)).size, 0);
        assert.deepEqual(await store.remove({}), [], 'an empty selector removes nothing');
      });
    });

    it('moves documents between stories', async () => {
      await withStore(backend, async (store) => {
        const { serials } = await store.commit({
          documents: [document('a', 'A.', { story: 's' }), document('b', 'B.', { story: 's' })],
          relations: [],
          storyMerges: [],
        });
        await store.assignStories([{ serial: serials[1]!, story: 't' }]);
        assert.deepEqual(
          (await store.storyMembers('t')).map((member) => member.id),
          ['b'],
        );
      });
    });

    it('keeps committed data across reopening and refuses another fingerprint version', async () => {
      const location = await backend.location();
      try {
        const first = await location.open(FINGERPRINTS);
        await first.commit({ documents: [document('a', 'Kept.')], relations: [], storyMerges: [] });
        await first.close();
        const reader = await location.open({ ...FINGERPRINTS, readonly: true });
        assert.equal((await reader.byId('a'))?.text, 'Kept.');
        await reader.close();
        await assert.rejects(
          location.open({ fingerprintVersion: 8 }),
          (error) =>
            isWiretraceError(error) &&
            error.code === 'STORE_INCOMPATIBLE' &&
            /fingerprints are version 7/.test(error.message),
        );
      } finally {
        await location.dispose();
      }
    });
  });
}
