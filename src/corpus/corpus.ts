import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createEngine, type Engine } from '../engine/engine.js';
import { WiretraceError } from '../errors.js';
import {
  type DocumentFingerprint,
  decodeFingerprint,
  encodeFingerprint,
  FINGERPRINT_VERSION,
} from '../fingerprint/document-fingerprint.js';
import { type InputFailure, isInputFailure } from '../ingest/input-failure.js';
import { isJsonlLine, type JsonlLine, settleName } from '../ingest/jsonl-records.js';
import { cached } from '../memo.js';
import type { RawDocument } from '../model/article.js';
import { DERIVED_RELATIONS, type RelationKind } from '../model/relation.js';
import type { TraceResult } from '../model/story.js';
import { unpackText } from '../store/packed-text.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import {
  documentKey,
  type NewDocument,
  type NewRelation,
  type RemoveSelector,
  type Store,
  type StoredDocument,
  type StoredHead,
  type StoredRelation,
  type StoreInfo,
} from '../store/store.js';
import { sharedWithEarlier } from './batch-buckets.js';
import { createIngestPool, type IngestPool } from './ingest-pool.js';
import type { VerifyPair, VerifySide } from './ingest-tasks.js';
import {
  asInputFailure,
  isPrepareFailure,
  type Prepared,
  type PreparedDocument,
  type PrepareFailure,
  prepareDocument,
  renamed,
  storedArticle,
} from './prepare.js';
import { components, StoryRenames, storyLabel } from './story-labels.js';
import {
  CANDIDATES_CHECKED,
  CANDIDATES_VERIFIED,
  MAX_PER_KEY,
  relationFromVerdict,
  screen,
} from './verify.js';

/** The default corpus file of the CLI. */
export const DEFAULT_CORPUS_PATH = './wiretrace.db';

export interface CorpusOptions {
  /** Open for reading only (find, stories, trace), alongside a process that writes. */
  readonly?: boolean;
  /** The engine that extracts and compares (its lexicon and clock). Default: a new one. */
  engine?: Engine;
  /**
   * Threads that prepare (extract, fingerprint) and verify (compare) what `add` reads, each
   * with its own engine on the package's lexicon. Default: the machine's cores, or 1 (the
   * calling thread, on `engine`) when an engine is given or the corpus is read-only.
   */
  workers?: number;
}

/** What `add` takes: documents, JSON Lines records still to parse (readCorpusInputs gives both) and read failures. */
export type AddItem = RawDocument | JsonlLine | InputFailure;

export interface AddOptions {
  /** Documents committed together: a crash keeps every whole batch committed before it. Default 1024. */
  batchSize?: number;
  /** Called for each input or record that is skipped, with why. */
  onProblem?: (failure: InputFailure) => void;
  /** Called after each committed batch with the running totals. */
  onBatch?: (summary: AddSummary) => void;
}

export interface AddSummary {
  /** Documents read (good and bad). */
  read: number;
  /** New document versions stored. */
  added: number;
  /** Of those, new versions of an id already stored (same id or URL, new text). */
  versions: number;
  /** Documents whose text was already stored. */
  duplicates: number;
  /** Inputs or records skipped as bad. */
  failed: number;
  /** Relations found and stored. */
  relations: number;
}

/** A stored document related to the one asked about. */
export interface CorpusMatch {
  id: string;
  version: number;
  relation: RelationKind;
  score: number;
  /** What the match is to the document asked about: its `source`, its `copy`, or null when undecided. */
  direction: 'source' | 'copy' | null;
  confidence: number;
  url: string | null;
  title: string | null;
  published: string | null;
  story: string;
  /** Reused passages, offsets into the asked document's text (`query`) and the match's (`match`). */
  passages: {
    kind: string;
    query: [number, number] | null;
    match: [number, number] | null;
    similarity: number;
  }[];
}

export interface CorpusStory {
  id: string;
  members: number;
  /** The original: the member no other member was copied into, the earliest published among ties. */
  root: string;
  first: string;
  last: string;
  documents: {
    id: string;
    version: number;
    published: string | null;
    url: string | null;
    title: string | null;
  }[];
}

const DEFAULT_BATCH = 1024;
/** Batches being prepared or committed while the next is read. */
const LOOKAHEAD = 2;
const DAY_MS = 86_400_000;

/** Opens (creating when needed) the corpus in an SQLite file. */
export async function openCorpus(
  path: string = DEFAULT_CORPUS_PATH,
  options: CorpusOptions = {},
): Promise<Corpus> {
  const store = await openSqliteStore(path, {
    fingerprintVersion: FINGERPRINT_VERSION,
    readonly: options.readonly === true,
  });
  const single = options.readonly === true || options.engine !== undefined;
  const workers = options.workers ?? (single ? 1 : availableParallelism());
  return new Corpus(store, options.engine ?? createEngine({ workers: 1 }), workers);
}

/** A document the new one may be related to: stored, or earlier in the same batch. */
interface Candidate {
  contentId: string;
  id: string;
  version: number;
  story: string;
  fingerprint: DocumentFingerprint;
  /** The stored version (its text read only when it is verified), or null when earlier in the batch. */
  stored: StoredHead | null;
  /** The prepared document when earlier in the batch. */
  prepared: PreparedDocument | null;
}

/** A new document with the candidates that passed the screen, best first. */
interface Plan {
  document: PreparedDocument;
  version: number;
  candidates: Candidate[];
}

interface Verified {
  candidate: Candidate;
  relation: NewRelation;
}

/**
 * A corpus of articles on disk: add documents as they arrive, ask what any of them is a copy
 * of, list the stories, trace one, remove and expire documents. Works over any `Store`.
 */
export class Corpus {
  readonly #store: Store;
  readonly #engine: Engine;
  readonly #pool: IngestPool;

  /** `workers`: threads that prepare and verify what `add` reads (1: this thread, on `engine`). */
  constructor(store: Store, engine: Engine, workers = 1) {
    this.#store = store;
    this.#engine = engine;
    this.#pool = createIngestPool(workers, engine);
  }

  info(): Promise<StoreInfo> {
    return this.#store.info();
  }

  /** Whether a document is stored under this id. */
  async has(id: string): Promise<boolean> {
    return (await this.#store.byId(id)) !== null;
  }

  /**
   * Adds documents (raw documents or read failures, e.g. from readCorpusInputs) in committed
   * batches: each is extracted, fingerprinted, checked against the corpus, related to what it
   * copies, and stored with its relations. Idempotent: text already stored is skipped. While
   * one batch is checked and committed, the pool prepares the next.
   */
  async add(
    documents: AsyncIterable<AddItem> | Iterable<AddItem>,
    options: AddOptions = {},
  ): Promise<AddSummary> {
    const summary: AddSummary = { read: 0, added: 0, versions: 0, duplicates: 0, failed: 0, relations: 0 };
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
    const problem = (failure: InputFailure) => {
      summary.failed++;
      options.onProblem?.(failure);
    };
    let previous: Promise<void> = Promise.resolve();
    const flush = (raws: readonly (RawDocument | JsonlLine)[]): Promise<void> => {
      const prepared = this.#pool.prepare(raws);
      prepared.catch(() => {}); // awaited in its turn, after the batch before it
      const step = previous.then(async () => {
        const ready: PreparedDocument[] = [];
        for (const [index, outcome] of (await prepared).entries()) {
          const item = settled(outcome, raws[index]!);
          if (isPrepareFailure(item)) problem(asInputFailure(item));
          else ready.push(item);
        }
        if (ready.length > 0) await this.#ingest(ready, summary);
        options.onBatch?.(summary);
      });
      step.catch(() => {}); // awaited by the next flush or at the end
      previous = step;
      return step;
    };
    let batch: (RawDocument | JsonlLine)[] = [];
    const inFlight: Promise<void>[] = [];
    for await (const item of documents) {
      summary.read++;
      if (isInputFailure(item)) {
        problem(item);
        continue;
      }
      batch.push(item);
      if (batch.length >= batchSize) {
        inFlight.push(flush(batch));
        batch = [];
        // Reading stops while LOOKAHEAD batches wait: the pool prepares ahead, memory stays bounded.
        if (inFlight.length > LOOKAHEAD) await inFlight.shift();
      }
    }
    if (batch.length > 0) flush(batch);
    await previous;
    return summary;
  }

  /**
   * Checks a batch against the corpus and commits it. Its steps are long and synchronous (the
   * store's calls are), so it gives the event loop a turn between them: the reader reads the
   * batches to come and the pool's replies are taken in, or the threads would sit idle until the
   * batch is committed.
   */
  async #ingest(batch: readonly PreparedDocument[], summary: AddSummary): Promise<void> {
    await nextTurn();
    const unique = new Map<string, PreparedDocument>();
    for (const document of batch) {
      if (!unique.has(documentKey(document))) unique.set(documentKey(document), document);
    }
    const stored = await this.#store.byKeys([...unique.values()]);
    summary.duplicates += batch.length - unique.size + stored.size;
    const fresh = [...unique.values()].filter((document) => !stored.has(documentKey(document)));
    const latest = await this.#store.latestVersions([...new Set(fresh.map((document) => document.id))]);
    const inBatch: Candidate[] = [];
    const sharedInBatch = sharedWithEarlier(fresh.map((document) => document.keys));
    const plans: Plan[] = [];
    await nextTurn();
    const shared = await this.#store.candidatesOfMany(
      fresh.map((document) => document.keys),
      MAX_PER_KEY,
    );
    const nearest = await this.#nearestHeads(shared);
    for (const [index, document] of fresh.entries()) {
      const version = (latest.get(document.id) ?? 0) + 1;
      latest.set(document.id, version);
      if (version > 1) summary.versions++;
      const candidates = this.#screened(document, nearest[index]!, inBatch, sharedInBatch[index]!);
      plans.push({ document, version, candidates });
      inBatch.push({
        contentId: document.contentId,
        id: document.id,
        version,
        story: storyLabel(document.contentId),
        fingerprint: document.fingerprint,
        stored: null,
        prepared: document,
      });
    }
    await nextTurn();
    const found = await this.#verify(plans);
    // Stories in arrival order: each document joins the stories of what it is related to.
    const renames = new StoryRenames();
    const storyOf = new Map<string, string>();
    const documents: NewDocument[] = [];
    const relations: NewRelation[] = [];
    plans.forEach((plan, index) => {
      const matches = found[index]!;
      const story = renames.join([
        storyLabel(plan.document.contentId),
        ...matches.map(({ candidate }) =>
          renames.resolve(
            candidate.stored === null ? storyOf.get(documentKey(candidate))! : candidate.stored.story,
          ),
        ),
      ]);
      storyOf.set(documentKey(plan.document), story);
      relations.push(...matches.map((match) => match.relation));
      documents.push(newDocument(plan.document, story));
    });
    // A story label given before a later merge in this batch is followed to where it ended.
    const settled = documents.map((document) => ({ ...document, story: renames.resolve(document.story) }));
    await nextTurn();
    const result = await this.#store.commit({ documents: settled, relations, storyMerges: renames.merges });
    summary.added += result.inserted;
    summary.relations += relations.length;
  }

  /**
   * For each document (`shared`: serial → bucket keys shared), the stored documents nearest it
   * (see nearestStored), read for all of them in one go rather than a query per document.
   */
  async #nearestHeads(shared: readonly ReadonlyMap<number, number>[]): Promise<StoredHead[][]> {
    const nearest = shared.map(nearestStored);
    const heads = await this.#store.headsBySerials([...new Set(nearest.flat())]);
    const bySerial = new Map(heads.map((head) => [head.serial, head]));
    return nearest.map((serials) => serials.flatMap((serial) => bySerial.get(serial) ?? []));
  }

  /** Candidates, stored (the nearest, see nearestStored) and earlier in the batch, whose signatures pass the screen; best first. */
  #screened(
    document: PreparedDocument,
    stored: readonly StoredHead[],
    inBatch: readonly Candidate[],
    sharedInBatch: ReadonlyMap<number, number>,
  ): Candidate[] {
    const candidates = this.#candidates(document, stored, inBatch, sharedInBatch);
    return candidates
      .map((candidate) => ({ candidate, ...screen(candidate.fingerprint, document.fingerprint) }))
      .filter((entry) => entry.passes)
      .sort((a, b) => b.score - a.score || compareText(a.candidate.contentId, b.candidate.contentId))
      .slice(0, CANDIDATES_VERIFIED)
      .map((entry) => entry.candidate);
  }

  /** The full comparison of every screened pair (in the pool), as relations to store. */
  async #verify(plans: readonly Plan[]): Promise<Verified[][]> {
    const storedSerials = plans.flatMap((plan) =>
      plan.candidates.flatMap((candidate) =>
        candidate.stored === null || candidate.contentId === plan.document.contentId
          ? []
          : [candidate.stored.serial],
      ),
    );
    const texts = new Map(
      (await this.#store.bySerials([...new Set(storedSerials)])).map((found) => [found.serial, found]),
    );
    // A document in several pairs is made a side (its text unpacked) once; each document object
    // comes with one version.
    const sides = new WeakMap<StoredDocument | PreparedDocument, VerifySide>();
    const side = (document: StoredDocument | PreparedDocument, version: number) =>
      cached(sides, document, () => sideOf(document, version));
    const pairs: VerifyPair[] = [];
    const asked: { plan: number; candidate: Candidate }[] = [];
    const found: Verified[][] = plans.map(() => []);
    plans.forEach((plan, index) => {
      for (const candidate of plan.candidates) {
        if (candidate.contentId === plan.document.contentId) {
          // The same text under another id: identical, nothing to compare.
          const relation = identicalRelation(
            documentKey(candidate),
            documentKey(plan.document),
            plan.document,
          );
          found[index]!.push({ candidate, relation });
          continue;
        }
        const earlier = candidate.stored === null ? candidate.prepared! : texts.get(candidate.stored.serial);
        if (earlier === undefined) continue; // removed meanwhile
        pairs.push({
          earlier: side(earlier, candidate.version),
          later: side(plan.document, plan.version),
        });
        asked.push({ plan: index, candidate });
      }
    });
    const verdicts = await this.#pool.verify(pairs);
    verdicts.forEach((verdict, at) => {
      if (verdict.relation === 'unrelated') return;
      const { plan, candidate } = asked[at]!;
      const relation = relationFromVerdict(
        verdict,
        documentKey(candidate),
        documentKey(plans[plan]!.document),
      );
      found[plan]!.push({ candidate, relation });
    });
    // Identical first, then the screen's order, as the candidates came.
    return found.map((matches, index) => {
      const order = plans[index]!.candidates;
      return matches.sort((a, b) => order.indexOf(a.candidate) - order.indexOf(b.candidate));
    });
  }

  /**
   * The stored documents given (in serial order), then those earlier in the batch sharing the
   * most bucket keys (`sharedInBatch`: their positions in `inBatch`, keys shared).
   */
  #candidates(
    document: PreparedDocument,
    stored: readonly StoredHead[],
    inBatch: readonly Candidate[],
    sharedInBatch: ReadonlyMap<number, number>,
  ): Candidate[] {
    const candidates: Candidate[] = stored
      .filter((found) => documentKey(found) !== documentKey(document))
      .map((found) => ({
        contentId: found.contentId,
        id: found.id,
        version: found.version,
        story: found.story,
        fingerprint: decodeFingerprint(found.signature),
        stored: found,
        prepared: null,
      }));
    const nearest = [...sharedInBatch.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_CHECKED);
    for (const [index] of nearest) candidates.push(inBatch[index]!);
    return candidates;
  }

  /**
   * The stored documents related to a stored id (its latest version), or to a document that is
   * not stored (compared against the corpus, nothing written). Best score first.
   */
  async find(query: string | RawDocument): Promise<CorpusMatch[]> {
    if (typeof query === 'string') {
      const document = await this.#store.byId(query);
      if (document === null)
        throw new WiretraceError('INPUT_NOT_FOUND', 'no document with this id in the corpus', query);
      return this.#storedMatches(document);
    }
    const document = prepareDocument(query);
    const already = (await this.#store.byKeys([document])).get(documentKey(document));
    if (already !== undefined) return this.#storedMatches(already);
    const [nearest] = await this.#nearestHeads([await this.#store.candidates(document.keys, MAX_PER_KEY)]);
    const candidates = this.#screened(document, nearest!, [], new Map());
    const [found] = await this.#verify([{ document, version: 1, candidates }]);
    return sortMatches(
      found!.map(({ candidate, relation }) =>
        toMatch(candidate.stored!, relation, relation.copy === documentKey(document) ? 'source' : 'copy'),
      ),
    );
  }
  async #storedMatches(document: StoredDocument): Promise<CorpusMatch[]> {
    const relations = await this.#store.relationsOf(document.serial);
    const others = new Map(
      (
        await this.#store.bySerials(
          relations.map((relation) =>
            relation.source === document.serial ? relation.copy : relation.source,
          ),
        )
      ).map((other) => [other.serial, other]),
    );
    const matches: CorpusMatch[] = [];
    for (const relation of relations) {
      const queryIsSource = relation.source === document.serial;
      const other = others.get(queryIsSource ? relation.copy : relation.source);
      if (other === undefined) continue;
      matches.push(toMatch(other, asNewRelation(relation), queryIsSource ? 'copy' : 'source'));
    }
    return sortMatches(matches);
  }

  /** Stories of two or more documents, oldest first; `since` keeps those with a member on or after that date. */
  async stories(options: { since?: string } = {}): Promise<CorpusStory[]> {
    const summaries = await this.#store.stories(options);
    const stories: CorpusStory[] = [];
    for (const summary of summaries) {
      const members = await this.#store.storyMembers(summary.story);
      const relations = await this.#store.storyRelations(summary.story);
      stories.push({
        id: summary.story,
        members: summary.members,
        root: rootOf(members, relations).id,
        first: summary.first,
        last: summary.last,
        documents: members.map((member) => ({
          id: member.id,
          version: member.version,
          published: member.published,
          url: member.url,
          title: member.title,
        })),
      });
    }
    return stories;
  }

  /** The full trace of a stored story (every pair of its members compared again), or null when there is none. */
  async trace(storyId: string): Promise<TraceResult | null> {
    const members = await this.#store.storyMembers(storyId);
    if (members.length === 0) return null;
    const articles = members.map((member) =>
      storedArticle(documentName(member), member.text, member.title, member.published),
    );
    return this.#engine.trace(articles);
  }

  /** Removes documents (all versions of the ids given; by source; published before a date); returns how many. */
  async remove(selector: RemoveSelector): Promise<number> {
    const removed = await this.#store.remove(selector);
    await this.#regroup(new Set(removed.map((document) => document.story)));
    return removed.length;
  }

  /** Removes documents published (or, undated, added) more than `keepDays` days before `now`. */
  prune(keepDays: number, now: Date = new Date()): Promise<number> {
    const before = new Date(now.getTime() - keepDays * DAY_MS).toISOString();
    return this.remove({ before });
  }

  /** A removal may split a story: its remaining members are grouped again by their relations. */
  async #regroup(stories: ReadonlySet<string>): Promise<void> {
    const assignments: { serial: number; story: string }[] = [];
    for (const story of [...stories].sort()) {
      const members = await this.#store.storyMembers(story);
      const index = new Map(members.map((member, position) => [member.serial, position]));
      const edges = (await this.#store.storyRelations(story)).flatMap((relation): [number, number][] => {
        const a = index.get(relation.source);
        const b = index.get(relation.copy);
        return a === undefined || b === undefined ? [] : [[a, b]];
      });
      for (const group of components(members.length, edges)) {
        const label = group.map((position) => storyLabel(members[position]!.contentId)).sort()[0]!;
        for (const position of group) {
          const member = members[position]!;
          if (member.story !== label) assignments.push({ serial: member.serial, story: label });
        }
      }
    }
    if (assignments.length > 0) await this.#store.assignStories(assignments);
  }

  async close(): Promise<void> {
    await this.#pool.close();
    await this.#store.close();
  }
}

/**
 * The stored documents sharing the most bucket keys (`shared`: serial → keys shared), at most
 * CANDIDATES_CHECKED, in serial order.
 */
function nearestStored(shared: ReadonlyMap<number, number>): number[] {
  return [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, CANDIDATES_CHECKED)
    .map(([serial]) => serial)
    .sort((a, b) => a - b);
}

/**
 * A prepared document or failure under its final name: a JSON Lines record parsed in a pool
 * thread takes its own name unless an earlier record of its file took it (settled here, in
 * file order, as the reader names records it parses itself).
 */
function settled(outcome: Prepared, item: RawDocument | JsonlLine): PreparedDocument | PrepareFailure {
  if (outcome.pendingName === undefined || !isJsonlLine(item)) return outcome;
  return renamed(outcome, settleName(outcome.pendingName.claim, item.seen));
}

function newDocument(document: PreparedDocument, story: string): NewDocument {
  return {
    id: document.id,
    contentId: document.contentId,
    url: document.url,
    source: document.source,
    title: document.title,
    published: document.published,
    input: document.input,
    packedText: document.packedText,
    signature: encodeFingerprint(document.fingerprint),
    keys: document.keys,
    story,
  };
}

function identicalRelation(earlier: string, later: string, document: PreparedDocument): NewRelation {
  const length = document.textLength;
  return {
    source: earlier,
    copy: later,
    relation: 'identical',
    score: 1,
    confidence: 0,
    directed: false,
    passages: [{ kind: 'verbatim', source: [0, length], copy: [0, length], similarity: 1 }],
  };
}

/** One side of a pair to verify: a stored document or one of the batch, named as reports name it. */
function sideOf(document: StoredDocument | PreparedDocument, version: number): VerifySide {
  return {
    name: version > 1 ? `${document.id}@${version}` : document.id,
    contentId: document.contentId,
    text: 'text' in document ? document.text : unpackText(document.packedText),
    title: document.title,
    published: document.published,
  };
}

/** How a stored document is named in reports: its id, with the version when there are several. */
function documentName(document: StoredDocument): string {
  return document.version > 1 ? `${document.id}@${document.version}` : document.id;
}

function asNewRelation(relation: StoredRelation): NewRelation {
  return { ...relation, source: String(relation.source), copy: String(relation.copy) };
}

function toMatch(other: StoredHead, relation: NewRelation, otherIs: 'source' | 'copy'): CorpusMatch {
  const queryIsSource = otherIs === 'copy';
  return {
    id: other.id,
    version: other.version,
    relation: relation.relation as RelationKind,
    score: relation.score,
    direction: relation.directed ? otherIs : null,
    confidence: relation.confidence,
    url: other.url,
    title: other.title,
    published: other.published,
    story: other.story,
    passages: relation.passages.map((passage) => ({
      kind: passage.kind,
      query: queryIsSource ? passage.source : passage.copy,
      match: queryIsSource ? passage.copy : passage.source,
      similarity: passage.similarity,
    })),
  };
}

function sortMatches(matches: CorpusMatch[]): CorpusMatch[] {
  return matches.sort((a, b) => b.score - a.score || compareText(a.id, b.id) || a.version - b.version);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The story's original: the member copied into others most and from others least; ties go to
 * the earliest published, then the smallest id.
 */
function rootOf(members: readonly StoredDocument[], relations: readonly StoredRelation[]): StoredDocument {
  const balance = new Map<number, number>();
  for (const relation of relations) {
    if (!relation.directed || !DERIVED_RELATIONS.has(relation.relation as RelationKind)) continue;
    balance.set(relation.source, (balance.get(relation.source) ?? 0) + 1);
    balance.set(relation.copy, (balance.get(relation.copy) ?? 0) - 1);
  }
  const dated = (document: StoredDocument) => document.published ?? document.addedAt;
  return [...members].sort(
    (a, b) =>
      (balance.get(b.serial) ?? 0) - (balance.get(a.serial) ?? 0) ||
      compareText(dated(a), dated(b)) ||
      compareText(a.id, b.id),
  )[0]!;
}
