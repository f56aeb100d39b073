/**
 * Which patterns could match a text, from the characters it has: each pattern needs one
 * character of each of its sets (see `CompiledPattern.needs`). One pass over the text marks the
 * sets it touches; then only the patterns that use a touched set are counted, so a sentence that
 * touches nothing costs one pass and no per-pattern work.
 */
const SPACE = 0x20;
/** Encoded words, numbers and phrase markers are private-use characters from here on. */
const PRIVATE_USE = 0xe000;

export class Needs {
  private readonly byChar = new Map<number, number[]>(); // character → ids of the sets holding it
  /** The same for the private-use codes words are encoded as, in an array: this is the hot loop. */
  private readonly byWord: (number[] | undefined)[] = [];
  private readonly bySet: number[][] = []; // set id → patterns that need it
  private readonly needed: Uint16Array; // per pattern: how many distinct sets it needs
  private readonly always: number[]; // patterns that need nothing
  private readonly touched: Uint8Array; // per set, during one call
  private readonly counts: Uint16Array; // per pattern, during one call

  constructor(needs: readonly (readonly string[])[]) {
    const ids = new Map<string, number>();
    this.needed = new Uint16Array(needs.length);
    needs.forEach((sets, pattern) => {
      for (const ranges of new Set(sets)) {
        let id = ids.get(ranges);
        if (id === undefined) {
          id = ids.size;
          ids.set(ranges, id);
          this.bySet[id] = [];
          this.index(ranges, id);
        }
        this.bySet[id]?.push(pattern);
        this.needed[pattern] = (this.needed[pattern] ?? 0) + 1;
      }
    });
    this.always = needs.flatMap((sets, pattern) => (sets.length === 0 ? [pattern] : []));
    this.touched = new Uint8Array(ids.size);
    this.counts = new Uint16Array(needs.length);
  }

  /** The patterns that `text` has a character of every needed set for, in ascending order. */
  possible(text: string): number[] {
    const sets: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE) continue;
      const ids = code >= PRIVATE_USE ? this.byWord[code - PRIVATE_USE] : this.byChar.get(code);
      if (!ids) continue;
      for (const id of ids) {
        if (this.touched[id] === 1) continue;
        this.touched[id] = 1;
        sets.push(id);
      }
    }
    const found = [...this.always];
    const counted: number[] = [];
    for (const id of sets) {
      this.touched[id] = 0;
      for (const pattern of this.bySet[id] ?? []) {
        const count = (this.counts[pattern] ?? 0) + 1;
        if (count === 1) counted.push(pattern);
        this.counts[pattern] = count;
        if (count === this.needed[pattern]) found.push(pattern);
      }
    }
    for (const pattern of counted) this.counts[pattern] = 0;
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }

  private index(ranges: string, id: number): void {
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      for (let code = ranges.charCodeAt(i); code <= ranges.charCodeAt(i + 1); code++) {
        if (code >= PRIVATE_USE) {
          const ids = this.byWord[code - PRIVATE_USE];
          if (ids) ids.push(id);
          else this.byWord[code - PRIVATE_USE] = [id];
        } else {
          const ids = this.byChar.get(code);
          if (ids) ids.push(id);
          else this.byChar.set(code, [id]);
        }
      }
    }
  }
}
