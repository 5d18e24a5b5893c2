import { cached } from '../memo.js';
import type { AnalysedArticle } from '../model/analysis.js';

/**
 * Each token's content stem as a small number (-1 for a function word), numbered per article
 * in order of first appearance, with the stems themselves and their numbers by stem: work on
 * an article's words then runs over typed arrays, not maps of strings.
 */
export interface ContentStems {
  ids: Int32Array;
  count: number;
  stems: string[];
  idOf: ReadonlyMap<string, number>;
}

const CONTENT_STEMS = new WeakMap<AnalysedArticle, ContentStems>();

export function contentStems(article: AnalysedArticle): ContentStems {
  return cached(CONTENT_STEMS, article, () => {
    const idOf = new Map<string, number>();
    const stems: string[] = [];
    const ids = new Int32Array(article.tokens.length);
    article.tokens.forEach(({ stop, stem }, index) => {
      if (stop) {
        ids[index] = -1;
        return;
      }
      let id = idOf.get(stem);
      if (id === undefined) {
        id = stems.length;
        idOf.set(stem, id);
        stems.push(stem);
      }
      ids[index] = id;
    });
    return { ids, count: stems.length, stems, idOf };
  });
}
