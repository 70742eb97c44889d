// Near-duplicate documents (an archive may hold the same 督办函 fifty times, with only the
// addressee and dates changed) must not dominate what is learned. MinHash over character
// shingles estimates Jaccard similarity; locality-sensitive banding finds candidate pairs without
// comparing every pair; pairs above the threshold are joined into clusters (union-find).

const HASHES = 64;
const BANDS = 16; // 16 bands × 4 rows: pairs with Jaccard ≳ 0.6 become candidates
const ROWS = HASHES / BANDS;
const SHINGLE = 5;

/** 32-bit FNV-1a of a substring. */
function fnv(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEEDS_A = new Uint32Array(HASHES);
const SEEDS_B = new Uint32Array(HASHES);
{
  let x = 0x2545f491;
  for (let i = 0; i < HASHES; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    SEEDS_A[i] = (x >>> 0) | 1;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    SEEDS_B[i] = x >>> 0;
  }
}

/** The MinHash signature of a text's character shingles (white space and punctuation ignored). */
export function signature(text: string): Uint32Array {
  const s = text.replace(/[\s\p{P}]+/gu, '');
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  if (s.length < SHINGLE) {
    const h = fnv(s, 0, s.length);
    for (let k = 0; k < HASHES; k++) sig[k] = (Math.imul(h, SEEDS_A[k]) + SEEDS_B[k]) >>> 0;
    return sig;
  }
  for (let i = 0; i + SHINGLE <= s.length; i++) {
    const h = fnv(s, i, i + SHINGLE);
    for (let k = 0; k < HASHES; k++) {
      const v = (Math.imul(h, SEEDS_A[k]) + SEEDS_B[k]) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/**
 * Cluster near-duplicates. Returns, for each document, the index of its cluster's representative
 * (the first document of the cluster) and the cluster sizes.
 */
export function nearDuplicateClusters(texts: string[], threshold = 0.7): { representative: number[]; size: number[] } {
  const sigs = texts.map(signature);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let b = 0; b < BANDS; b++) {
    const buckets = new Map<string, number>();
    for (let i = 0; i < texts.length; i++) {
      let key = '';
      for (let r = 0; r < ROWS; r++) key += sigs[i][b * ROWS + r].toString(36) + ',';
      const first = buckets.get(key);
      if (first === undefined) {
        buckets.set(key, i);
        continue;
      }
      const ra = find(first);
      const rb = find(i);
      if (ra !== rb && similarity(sigs[first], sigs[i]) >= threshold) {
        // The lower index stays the representative, so results do not depend on bucket order.
        if (ra < rb) parent[rb] = ra;
        else parent[ra] = rb;
      }
    }
  }
  const representative = texts.map((_, i) => find(i));
  const size = new Array<number>(texts.length).fill(0);
  for (const r of representative) size[r]++;
  return { representative, size: representative.map((r) => size[r]) };
}

export interface DownWeighted {
  /** The texts to count phrases in: repeated material kept only 1 + ln(k) times. */
  texts: string[];
  /** Documents that were near-duplicates of an earlier one (left out of counting). */
  duplicateDocuments: number;
  /** Paragraph occurrences left out because the same paragraph had already been counted enough. */
  droppedParagraphs: number;
}

/**
 * Down-weight repeated material for counting. Whole near-duplicate documents count once per
 * cluster, plus ln(k) for a cluster of k; template paragraphs shared by many documents (the fixed
 * text of 181 督办函 whose lists differ) count 1 + ln(k) times instead of k, so that a formula used
 * everywhere (特此通知) stays frequent while one office's boilerplate does not swamp the counts.
 */
export function downWeight(texts: string[], threshold = 0.7): DownWeighted {
  const { representative, size } = nearDuplicateClusters(texts, threshold);
  const keptPerCluster = new Map<number, number>();
  const docs: string[] = [];
  let duplicateDocuments = 0;
  texts.forEach((t, i) => {
    const r = representative[i];
    const kept = keptPerCluster.get(r) ?? 0;
    if (kept >= Math.ceil(1 + Math.log(size[i]))) {
      duplicateDocuments++;
      return;
    }
    keptPerCluster.set(r, kept + 1);
    docs.push(t);
  });
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  const paragraphs = docs.map((d) => d.split('\n'));
  for (const ps of paragraphs) for (const p of ps) if (p.length >= 8) total.set(p, (total.get(p) ?? 0) + 1);
  let droppedParagraphs = 0;
  const out = paragraphs.map((ps) => ps.filter((p) => {
    if (p.length < 8) return true;
    const k = total.get(p)!;
    const n = (seen.get(p) ?? 0) + 1;
    seen.set(p, n);
    if (n > Math.ceil(1 + Math.log(k))) {
      droppedParagraphs++;
      return false;
    }
    return true;
  }).join('\n'));
  return { texts: out, duplicateDocuments, droppedParagraphs };
}
