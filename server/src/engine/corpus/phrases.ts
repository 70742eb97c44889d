// Phrase mining from character n-grams: multi-character expressions that behave as units
// (学习宣传贯彻, 首要政治任务, 两个确立) found without a word list, by
//   - frequency (at least `minCount` occurrences),
//   - cohesion: the weakest split of the phrase still co-occurs far above chance (PMI),
//   - boundary freedom: many different characters (or text boundaries) on both sides (branching entropy),
//   - closure: a fragment that almost always occurs inside one longer phrase is not a phrase itself.
// Counting uses typed-array hash tables keyed by (id of the (n−1)-prefix, last character), level by
// level, counting an n-gram only where both its (n−1)-prefix and (n−1)-suffix reached `minCount`
// (see ../shared/NLP-NOTES.md: string-keyed Maps are 4–20× slower and run out of room).

export interface PhraseOptions {
  minCount?: number;
  maxLength?: number;
  /** Minimum pointwise mutual information (natural log) of the weakest split. */
  minCohesion?: number;
  /** Minimum branching entropy (nats) on each side. */
  minEntropy?: number;
  /** A phrase is dropped when a single neighbour character accounts for more than this share of its
   * occurrences on one side: 十九届六中全 (always + 会) is a fragment, while 学习宣传贯彻 (82% + 党) is a unit. */
  closure?: number;
}

export interface MinedPhrase {
  text: string;
  count: number;
  /** Weakest-split PMI. */
  cohesion: number;
  leftEntropy: number;
  rightEntropy: number;
  score: number;
}

const DEFAULTS: Required<PhraseOptions> = { minCount: 3, maxLength: 8, minCohesion: 2.5, minEntropy: 0.5, closure: 0.95 };

/** Open-addressing hash from a 53-bit integer key to a dense id, with a count per id. */
class KeyTable {
  private keys: Float64Array;
  private slots: Int32Array;
  counts: Int32Array;
  prefix: Int32Array;
  last: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacityHint: number) {
    let cap = 1024;
    while (cap < capacityHint * 2) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Float64Array(cap);
    this.slots = new Int32Array(cap).fill(-1);
    const n = Math.max(16, capacityHint);
    this.counts = new Int32Array(n);
    this.prefix = new Int32Array(n);
    this.last = new Int32Array(n);
  }

  /** Increment the count of (prefixId, charId), creating it; returns its id. */
  add(prefixId: number, charId: number): number {
    const key = prefixId * 0x200000 + charId; // char ids < 2^21
    let h = (Math.imul(prefixId, 0x9e3779b1) ^ Math.imul(charId, 0x85ebca6b)) & this.mask;
    for (;;) {
      const s = this.slots[h];
      if (s < 0) break;
      if (this.keys[h] === key) {
        this.counts[s]++;
        return s;
      }
      h = (h + 1) & this.mask;
    }
    if (this.size * 2 >= this.mask) {
      this.grow();
      return this.add(prefixId, charId);
    }
    const id = this.size++;
    if (id >= this.counts.length) {
      const n = this.counts.length * 2;
      this.counts = grow32(this.counts, n);
      this.prefix = grow32(this.prefix, n);
      this.last = grow32(this.last, n);
    }
    this.keys[h] = key;
    this.slots[h] = id;
    this.counts[id] = 1;
    this.prefix[id] = prefixId;
    this.last[id] = charId;
    return id;
  }

  get(prefixId: number, charId: number): number {
    const key = prefixId * 0x200000 + charId;
    let h = (Math.imul(prefixId, 0x9e3779b1) ^ Math.imul(charId, 0x85ebca6b)) & this.mask;
    for (;;) {
      const s = this.slots[h];
      if (s < 0) return -1;
      if (this.keys[h] === key) return s;
      h = (h + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldSlots = this.slots;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keys = new Float64Array(cap);
    this.slots = new Int32Array(cap).fill(-1);
    for (let i = 0; i < oldSlots.length; i++) {
      const s = oldSlots[i];
      if (s < 0) continue;
      const id = s;
      let h = (Math.imul(this.prefix[id], 0x9e3779b1) ^ Math.imul(this.last[id], 0x85ebca6b)) & this.mask;
      while (this.slots[h] >= 0) h = (h + 1) & this.mask;
      this.keys[h] = oldKeys[i];
      this.slots[h] = id;
    }
  }
}

function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

const BOUNDARY = 0; // char id for "not a Han character" (punctuation, digits, line breaks, quotes)
/** Function characters next to a phrase mark a word boundary as surely as punctuation does. */
const FUNCTION_CHARS = '的了和与及把对在为是将向从由以并或等被给让使于之其而也就都还又这那各';

/** Mine phrases from texts (already normalised). Characters other than Han break phrases. */
export function minePhrases(texts: string[], options: PhraseOptions = {}): MinedPhrase[] {
  const o = { ...DEFAULTS, ...options };
  // --- encode: one Int32Array of char ids, BOUNDARY between runs of Han characters
  const charIds = new Map<number, number>();
  const chars: string[] = [''];
  let total = 0;
  for (const t of texts) total += t.length + 1;
  const seq = new Int32Array(total + 1);
  let n = 0;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      // CJK Unified Ideographs and Extension A (the BMP Han blocks documents use).
      if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
        let id = charIds.get(c);
        if (id === undefined) {
          id = chars.length;
          chars.push(t[i]);
          charIds.set(c, id);
        }
        seq[n++] = id;
      } else if (n > 0 && seq[n - 1] !== BOUNDARY) seq[n++] = BOUNDARY;
    }
    if (n > 0 && seq[n - 1] !== BOUNDARY) seq[n++] = BOUNDARY;
  }
  const N = n;
  // Unigram counts.
  const uni = new Int32Array(chars.length);
  for (let i = 0; i < N; i++) uni[seq[i]]++;
  let hanTotal = 0;
  for (let c = 1; c < chars.length; c++) hanTotal += uni[c];
  if (hanTotal === 0) return [];

  const isFunction = new Uint8Array(chars.length);
  for (let c = 1; c < chars.length; c++) if (FUNCTION_CHARS.includes(chars[c])) isFunction[c] = 1;
  const lnTotal = Math.log(hanTotal);
  const results: MinedPhrase[] = [];

  // prevIdAt[i]: id of the (len−1)-gram starting at i in its level's table, or −1 (absent or rare).
  // Level 1 ids are char ids; tables[len] counts len-grams. Only the previous level's positions
  // are kept, so memory is two Int32Arrays of the text's length plus the tables.
  const tables: (KeyTable | undefined)[] = [undefined, undefined];
  let prevIdAt = new Int32Array(N);
  for (let i = 0; i < N; i++) prevIdAt[i] = seq[i] !== BOUNDARY && uni[seq[i]] >= o.minCount ? seq[i] : -1;
  let idAt = new Int32Array(N);
  for (let len = 2; len <= o.maxLength; len++) {
    const table = new KeyTable(Math.max(1024, N >> (len - 1)));
    idAt.fill(-1);
    for (let i = 0; i + len <= N; i++) {
      const p = prevIdAt[i];
      if (p < 0 || prevIdAt[i + 1] < 0) continue; // prefix or suffix rare (or crosses a boundary)
      idAt[i] = table.add(p, seq[i + len - 1]);
    }
    for (let i = 0; i < N; i++) if (idAt[i] >= 0 && table.counts[idAt[i]] < o.minCount) idAt[i] = -1;
    tables.push(table);
    if (table.size === 0) break;
    scoreLevel(len, table, idAt);
    const t = prevIdAt;
    prevIdAt = idAt;
    idAt = t;
  }
  return finish();

  function textOf(level: number, id: number): string {
    let s = '';
    for (let l = level; l > 1; l--) {
      const t = tables[l]!;
      s = chars[t.last[id]] + s;
      id = t.prefix[id];
    }
    return chars[id] + s;
  }

  function scoreLevel(len: number, table: KeyTable, at: Int32Array): void {
    // Neighbour distributions for this level's frequent n-grams, gathered in one pass.
    const right = new KeyTable(1024);
    const left = new KeyTable(1024);
    const boundaryRight = new Int32Array(table.size);
    const boundaryLeft = new Int32Array(table.size);
    for (let i = 0; i < N; i++) {
      const id = at[i];
      if (id < 0) continue;
      const r = i + len < N ? seq[i + len] : BOUNDARY;
      const l = i > 0 ? seq[i - 1] : BOUNDARY;
      if (r === BOUNDARY || isFunction[r]) boundaryRight[id]++;
      else right.add(id, r);
      if (l === BOUNDARY || isFunction[l]) boundaryLeft[id]++;
      else left.add(id, l);
    }
    const rightH = entropies(right, table.size, boundaryRight);
    const leftH = entropies(left, table.size, boundaryLeft);
    const maxRight = maxShare(right, table.size);
    const maxLeft = maxShare(left, table.size);
    for (let id = 0; id < table.size; id++) {
      const count = table.counts[id];
      if (count < o.minCount) continue;
      if (rightH[id] < o.minEntropy || leftH[id] < o.minEntropy) continue;
      if (maxRight[id] / count > o.closure || maxLeft[id] / count > o.closure) continue;
      // Weakest split: PMI(w) = ln(c(w)·T / (c(a)·c(b))) over every split w = a·b.
      const text = textOf(len, id);
      let cohesion = Infinity;
      for (let k = 1; k < len; k++) {
        const ca = countOf(text.slice(0, k));
        const cb = countOf(text.slice(k));
        if (ca <= 0 || cb <= 0) continue;
        cohesion = Math.min(cohesion, Math.log(count) + lnTotal - Math.log(ca) - Math.log(cb));
      }
      if (!(cohesion >= o.minCohesion)) continue;
      results.push({ text, count, cohesion, leftEntropy: leftH[id], rightEntropy: rightH[id], score: count * (len - 1) * Math.min(1, cohesion / 8) });
    }
  }

  function finish(): MinedPhrase[] {
  results.sort((a, b) => b.score - a.score || b.count - a.count || (a.text < b.text ? -1 : 1));
  return results;
  }

  function countOf(s: string): number {
    // Walk the level tables by characters: id of s[0], then (id, s[1]) at level 2, …
    let id = charIds.get(s.charCodeAt(0));
    if (id === undefined) return 0;
    if (s.length === 1) return uni[id];
    for (let l = 2; l <= s.length; l++) {
      const c = charIds.get(s.charCodeAt(l - 1));
      if (c === undefined || !tables[l]) return 0;
      id = tables[l]!.get(id, c);
      if (id < 0) return 0;
    }
    return s.length === 1 ? uni[id] : tables[s.length]!.counts[id];
  }
}

/** Branching entropy per id; each boundary occurrence counts as a distinct neighbour. */
function entropies(t: KeyTable, ids: number, boundary: Int32Array): Float64Array {
  const sum = new Float64Array(ids);
  const plogp = new Float64Array(ids);
  for (let k = 0; k < t.size; k++) {
    const id = t.prefix[k];
    const c = t.counts[k];
    sum[id] += c;
    plogp[id] += c * Math.log(c);
  }
  const h = new Float64Array(ids);
  for (let id = 0; id < ids; id++) {
    const total = sum[id] + boundary[id];
    if (total === 0) continue;
    // H = ln(T) − (Σ c·ln c)/T ; boundary occurrences contribute c=1 each (ln 1 = 0).
    h[id] = Math.log(total) - plogp[id] / total;
  }
  return h;
}

function maxShare(t: KeyTable, ids: number): Int32Array {
  const m = new Int32Array(ids);
  for (let k = 0; k < t.size; k++) if (t.counts[k] > m[t.prefix[k]]) m[t.prefix[k]] = t.counts[k];
  return m;
}
