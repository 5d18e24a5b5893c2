/** The part of the `minhash` package's API the trace bench uses (the package ships no types). */
declare module 'minhash' {
  export class Minhash {
    constructor(options?: { numPerm?: number; seed?: number });
    update(value: string): void;
    jaccard(other: Minhash): number;
    hashvalues: number[];
  }
  export class LshIndex {
    constructor(options?: { bandSize?: number });
    insert(key: string, minhash: Minhash): void;
    query(minhash: Minhash): string[];
  }
}
