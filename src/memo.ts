/**
 * The value cached for `key` in `cache`, built by `build` the first time. Per-article values
 * (weights, n-gram sets, vocabularies) are cached this way, for as long as the article lives:
 * a trace compares each article with many others.
 */
export function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}
