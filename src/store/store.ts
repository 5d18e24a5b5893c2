/**
 * The corpus store: documents with their fingerprints, the LSH buckets that find candidates, the
 * verified relations between documents and the story each document belongs to.
 *
 * One interface, one folder per backend (Kysely-style): `sqlite/` is the embedded default; a
 * server-backed store follows the same contract in its own folder (documents and relations in
 * PostgreSQL, buckets in Redis Cluster: `DocumentStore` and `BucketStore` are separate so the two
 * halves can live in different systems). Every backend runs test/store/store.case.ts.
 *
 * All methods are asynchronous, so a network backend fits the same contract; the SQLite backend
 * answers from synchronous calls.
 */

/**
 * Bumped when the stored layout changes; a store written by another schema is refused, save the
 * older ones a backend still reads (the SQLite store reads schema 3: see sqlite/schema.ts).
 */
export const SCHEMA_VERSION = 4;

/** A document version as written by the corpus: text, metadata, fingerprint and bucket keys. */
export interface NewDocument {
  /** The caller's id: a JSON Lines record's id, else the URL, else the input's name. */
  id: string;
  /** Hash of the story text. A document is its id and its text: the same pair is stored once. */
  contentId: string;
  url: string | null;
  source: string | null;
  title: string | null;
  /** ISO 8601 publication date, when known. */
  published: string | null;
  /** Where the document was read from, as the user named it. */
  input: string;
  /**
   * The story text every stored passage offset refers to, packed (packText; unpackText gives it
   * back): handed over as the pool thread that prepared it packed it.
   */
  packedText: Uint8Array;
  /** The fingerprint (MinHash signatures), opaque to the store. */
  signature: Uint8Array;
  /** LSH bucket keys (non-negative safe integers) the document is filed under. */
  keys: readonly number[];
  /** The story the document joins (see CommitBatch.storyMerges). */
  story: string;
}

/** A stored document version without its text: what screening a candidate needs. */
export interface StoredHead extends Omit<NewDocument, 'keys' | 'packedText'> {
  /** The store's number for this version: bucket entries and relations refer to it. */
  serial: number;
  /** 1 for the first text stored under an id, then 2, 3… when the same id arrives with new text. */
  version: number;
  /** ISO 8601 time the version was committed. */
  addedAt: string;
}

/** A stored document version. */
export interface StoredDocument extends StoredHead {
  /** The story text every stored passage offset refers to. */
  text: string;
}

/**
 * How a batch names a document before it has a serial: its id and content id together (the
 * same text under two ids is two documents, identical copies of each other).
 */
export function documentKey(document: { id: string; contentId: string }): string {
  return `${document.contentId}\u0000${document.id}`;
}

/** A verified relation between two documents, named by document key while it is being written. */
export interface NewRelation {
  /** The source side (when the direction is unknown, simply the first side). */
  source: string;
  copy: string;
  relation: string;
  score: number;
  /** Confidence of the direction, 0 when `directed` is false. */
  confidence: number;
  directed: boolean;
  /** Reused passages, offsets into each side's stored text. */
  passages: readonly StoredPassage[];
}

export interface StoredPassage {
  kind: string;
  source: [number, number] | null;
  copy: [number, number] | null;
  similarity: number;
}

export interface StoredRelation extends Omit<NewRelation, 'source' | 'copy'> {
  source: number;
  copy: number;
}

/** Everything one ingest step writes; committed atomically, so a crash keeps all of it or none. */
export interface CommitBatch {
  documents: readonly NewDocument[];
  relations: readonly NewRelation[];
  /** Stories joined by a new relation: every member of `from` moves to `into`. */
  storyMerges: readonly { from: string; into: string }[];
}

export interface CommitResult {
  /** Serial of each document of the batch, in order; one already stored keeps its old serial. */
  serials: number[];
  /** How many documents of the batch were new. */
  inserted: number;
}

/** Which documents `remove` deletes: every condition given must hold. */
export interface RemoveSelector {
  /** All versions of these ids. */
  ids?: readonly string[];
  source?: string;
  /** Documents published (or, without a date, added) before this ISO date. */
  before?: string;
}

export interface StoreInfo {
  schemaVersion: number;
  fingerprintVersion: number;
  documents: number;
  relations: number;
  stories: number;
}

export interface StorySummary {
  story: string;
  members: number;
  /** The earliest publication (or addition) among its members. */
  first: string;
  last: string;
}

/** Documents, relations and stories (PostgreSQL's half in a server deployment). */
export interface DocumentStore {
  info(): Promise<StoreInfo>;
  /** Stored documents with these ids and texts, by document key. */
  byKeys(documents: readonly { id: string; contentId: string }[]): Promise<Map<string, StoredDocument>>;
  /** The highest stored version of each id (absent ids are left out). */
  latestVersions(ids: readonly string[]): Promise<Map<string, number>>;
  /** Documents by serial; serials not (or no longer) stored are left out. */
  bySerials(serials: readonly number[]): Promise<StoredDocument[]>;
  /** The same without their texts (cheaper: a candidate is screened by its signature first). */
  headsBySerials(serials: readonly number[]): Promise<StoredHead[]>;
  /** The latest version stored under an id. */
  byId(id: string): Promise<StoredDocument | null>;
  /** Relations in which the document is either side. */
  relationsOf(serial: number): Promise<StoredRelation[]>;
  /** Members of a story, in serial order. */
  storyMembers(story: string): Promise<StoredDocument[]>;
  /** Relations between members of a story. */
  storyRelations(story: string): Promise<StoredRelation[]>;
  /** Stories of two or more documents whose latest member was published (or added) on or after `since`. */
  stories(options?: { since?: string }): Promise<StorySummary[]>;
}

/** LSH buckets: key → serials (Redis Cluster's half in a server deployment). */
export interface BucketStore {
  /**
   * For each serial filed under any of the keys, how many of the keys it is under. A key holding
   * more than `maxPerKey` serials (a phrase every article shares) is skipped: it tells nothing.
   */
  candidates(keys: readonly number[], maxPerKey: number): Promise<Map<number, number>>;
  /** The same for several documents at once (a batch being added), in their order. */
  candidatesOfMany(
    keyLists: readonly (readonly number[])[],
    maxPerKey: number,
  ): Promise<Map<number, number>[]>;
}

/** The whole contract a backend implements. */
export interface Store extends DocumentStore, BucketStore {
  /** Writes a batch in one transaction. Idempotent: documents already stored (same id and text) are skipped. */
  commit(batch: CommitBatch): Promise<CommitResult>;
  /** Deletes the selected documents with their bucket entries and relations; returns their serials. */
  remove(selector: RemoveSelector): Promise<StoredDocument[]>;
  /** Moves documents to another story (after a removal splits one). */
  assignStories(assignments: readonly { serial: number; story: string }[]): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The fingerprint version the caller writes; a store holding another one is refused. */
  fingerprintVersion: number;
  /** Open for reading only: no schema is created and writes fail. */
  readonly?: boolean;
}
