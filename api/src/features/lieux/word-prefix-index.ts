/**
 * Which places have a word starting with a given prefix, without reading every place's text:
 * the distinct words of all places, sorted, so that the words sharing a prefix are one run found
 * by binary search, and beside each word the positions of the places that hold it.
 *
 * Compact on purpose (31k places give about 150k word–place pairs): one array of unique words and
 * two typed arrays, in the CSR layout of sparse matrices, instead of an array or object a pair.
 */
export class WordPrefixIndex {
  /** Every distinct word, in code-unit order (what `<` on strings compares). */
  private readonly words: string[];
  /** The places holding `words[w]` are `positions[starts[w]]` up to `positions[starts[w + 1]]`. */
  private readonly starts: Int32Array;
  private readonly positions: Int32Array;
  /** Scratch marks for taking each place once: `seen[i] === stamp` means taken in this call. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Indexes the words of `texts[0]` up to `texts[size - 1]`, each preceded by one space. */
  constructor(texts: readonly string[], size: number) {
    const idOf = new Map<string, number>();
    // The position each word was last seen at: a word repeated in one text is paired with it once.
    const lastSeen: number[] = [];
    // Typed arrays, not arrays: at 500k places growing two arrays of numbers took half the build.
    // Every word takes at least two characters, itself and its space: that bounds the pairs.
    let bound = 0;
    for (let i = 0; i < size; i++) bound += texts[i]!.length;
    const pairWord = new Int32Array(bound >>> 1);
    const pairPosition = new Int32Array(bound >>> 1);
    let pairs = 0;
    for (let i = 0; i < size; i++) {
      for (const word of texts[i]!.split(' ')) {
        if (word === '') continue;
        let id = idOf.get(word);
        if (id === undefined) {
          id = lastSeen.length;
          idOf.set(word, id);
          lastSeen.push(-1);
        }
        if (lastSeen[id] === i) continue;
        lastSeen[id] = i;
        pairWord[pairs] = id;
        pairPosition[pairs] = i;
        pairs += 1;
      }
    }
    this.words = [...idOf.keys()].sort();
    const rankOf = new Int32Array(this.words.length);
    this.words.forEach((word, rank) => (rankOf[idOf.get(word)!] = rank));
    // A counting sort by word: pairs come in position order, so each word's positions end up ascending.
    this.starts = new Int32Array(this.words.length + 1);
    for (let k = 0; k < pairs; k++) this.starts[rankOf[pairWord[k]!]! + 1]! += 1;
    for (let w = 0; w < this.words.length; w++) this.starts[w + 1]! += this.starts[w]!;
    const next = this.starts.slice(0, -1);
    this.positions = new Int32Array(pairs);
    for (let k = 0; k < pairs; k++) this.positions[next[rankOf[pairWord[k]!]!]!++] = pairPosition[k]!;
    this.seen = new Uint32Array(size);
  }

  /**
   * How many word–place pairs the prefixes cover: free to compute, and an upper bound on the
   * places `withPrefix` returns (a place counts once for each of its words that matches).
   */
  pairs(prefixes: readonly string[]): number {
    let n = 0;
    for (const prefix of prefixes) {
      const [from, to] = this.run(prefix);
      n += this.starts[to]! - this.starts[from]!;
    }
    return n;
  }

  /** Positions of the places with a word starting with any of the prefixes, each once, in no set order. */
  withPrefix(prefixes: readonly string[]): number[] {
    this.stamp += 1;
    if (this.stamp === 2 ** 32) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const found: number[] = [];
    for (const prefix of prefixes) {
      const [from, to] = this.run(prefix);
      for (let k = this.starts[from]!; k < this.starts[to]!; k++) {
        const i = this.positions[k]!;
        if (this.seen[i] === this.stamp) continue;
        this.seen[i] = this.stamp;
        found.push(i);
      }
    }
    return found;
  }

  /** The run of words starting with `prefix`, as [first, past-the-end) word ranks. */
  private run(prefix: string): [number, number] {
    // Words hold only [a-z0-9]: every word starting with `prefix` sorts before prefix + U+FFFF.
    return [this.firstNotBefore(prefix), this.firstNotBefore(`${prefix}\uffff`)];
  }

  /** The rank of the first word that is not less than `key` (binary search). */
  private firstNotBefore(key: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
