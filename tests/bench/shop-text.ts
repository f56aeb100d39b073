/**
 * Deterministic, shop-like text for benchmarks: product titles, bullet points, specs, size charts,
 * nutrition panels and reviews, with a small share of marketing claims and near misses (text that
 * contains anchor words such as "waist" or "fat" but makes no claim). The same seed gives the same
 * text, so runs compare.
 */

const NOUNS = [
  'yoga mat',
  'water bottle',
  'running shoe',
  'resistance band',
  'foam roller',
  'dumbbell set',
  'jump rope',
  'gym bag',
  'hoodie',
  'sports bra',
  'kettlebell',
  'protein bar',
  'fitness tracker',
  'ab wheel',
  'pull-up bar',
  'massage ball',
  'cycling jersey',
  'knee sleeve',
  'lifting belt',
  'step platform',
];
const ADJECTIVES = [
  'featherlight',
  'durable',
  'non-slip',
  'breathable',
  'adjustable',
  'eco-friendly',
  'compact',
  'padded',
  'waterproof',
  'quick-dry',
  'heavy-duty',
  'foldable',
  'ergonomic',
  'premium',
];
const BULLETS = [
  'Made from {adj} materials that last for years of daily use.',
  'Fits easily in a backpack or under the bed when not in use.',
  'Machine washable at 30 degrees, do not tumble dry.',
  'Includes a printed guide with {n} beginner exercises.',
  'Backed by our {n}-day money-back guarantee.',
  'Available in {n} colours: black, sage, sand and navy.',
  'Rated for users up to {n} kg.',
  'Ships in recyclable packaging within 24 hours.',
];
const REVIEWS = [
  'Great quality for the price, arrived two days early.',
  'Exactly as described. My partner uses it every morning.',
  'Good but the colour is a bit darker than in the photos.',
  'Sturdy, comfortable and easy to clean. Would buy again.',
  'Returned it because it was too small for me.',
  'Five stars, the customer service was very helpful.',
  'Does the job. Not the prettiest but it works.',
];
/** Blocks with anchor words and no claim: the first pass lets them through, context or patterns stop them. */
const NEAR_MISSES = [
  'Size chart: S fits waist 26-28 in, M fits waist 29-31 in, L fits waist 32-34 in.',
  'Nutrition per bar: energy 210 kcal, total fat 8 g, of which saturates 3 g, protein 20 g.',
  'High-waist leggings with a wide waistband and a hidden pocket.',
  'Crunches strengthen your abs; the fat over them goes with an overall calorie deficit.',
  'Belly band for pregnancy support, soft and breathable.',
  'Stay in your fat-burning heart-rate zone with the chest strap.',
  'Measure around your natural waist, about 2 cm above the belly button.',
  'Full-fat Greek yogurt in the fridge? Add a scoop of protein powder.',
];
const CLAIMS = [
  'Melts stubborn belly fat while you sleep!',
  'The neoprene waist trainer burns love handles with every workout.',
  'EMS pads zap thigh fat in just 20 minutes a day.',
  'This serum dissolves cellulite fat on hips and thighs.',
  'Vibration plate shakes off tummy fat while you watch TV.',
  'Capsules that target menopause belly fat specifically.',
  'Sweat out belly fat with our sauna belt.',
  'Cavitation machine breaks down arm fat at home.',
];

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same numbers. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ShopTextOptions {
  /** At least this many UTF-16 characters. */
  readonly size: number;
  /** Share of blocks that make a claim (0 for a claim-free page). */
  readonly claims?: number;
  /** Share of blocks with anchor words but no claim. */
  readonly nearMisses?: number;
  readonly seed?: number;
}

/** Blocks of text (paragraphs, bullets, reviews) totalling at least `size` characters. */
export function shopBlocks({ size, claims = 0.02, nearMisses = 0.08, seed = 1 }: ShopTextOptions): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const fill = (template: string) =>
    template.replace('{adj}', pick(ADJECTIVES)).replace('{n}', String(2 + Math.floor(next() * 98)));
  const blocks: string[] = [];
  let length = 0;
  while (length < size) {
    const roll = next();
    let block: string;
    if (roll < claims) block = pick(CLAIMS);
    else if (roll < claims + nearMisses) block = pick(NEAR_MISSES);
    else if (roll < 0.4) block = `${pick(ADJECTIVES)} ${pick(NOUNS)} – ${pick(ADJECTIVES)}, ${fill('{n}')} sizes`;
    else if (roll < 0.75) block = fill(pick(BULLETS));
    else block = pick(REVIEWS);
    blocks.push(block);
    length += block.length + 1;
  }
  return blocks;
}
