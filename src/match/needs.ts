/**
 * Which patterns could match a text, from the characters it has: each pattern needs one
 * character of each of its sets (see `CompiledPattern.needs`). One pass over the text marks the
 * sets it touches; sets shared by several patterns are counted once.
 */
export class Needs {
  private readonly byChar = new Map<number, number[]>(); // character → ids of the sets holding it
  private readonly groups: readonly number[][]; // per pattern: ids of the sets it needs
  private readonly touched: Uint8Array;

  constructor(needs: readonly (readonly string[])[]) {
    const ids = new Map<string, number>();
    this.groups = needs.map((sets) =>
      sets.map((ranges) => {
        let id = ids.get(ranges);
        if (id === undefined) {
          id = ids.size;
          ids.set(ranges, id);
          this.index(ranges, id);
        }
        return id;
      }),
    );
    this.touched = new Uint8Array(ids.size);
  }

  /** For each pattern, whether `text` has a character of every set the pattern needs. */
  possible(text: string): boolean[] {
    this.touched.fill(0);
    for (let i = 0; i < text.length; i++) {
      const ids = this.byChar.get(text.charCodeAt(i));
      if (ids) for (const id of ids) this.touched[id] = 1;
    }
    return this.groups.map((group) => group.every((id) => this.touched[id] === 1));
  }

  private index(ranges: string, id: number): void {
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      for (let code = ranges.charCodeAt(i); code <= ranges.charCodeAt(i + 1); code++) {
        const ids = this.byChar.get(code);
        if (ids) ids.push(id);
        else this.byChar.set(code, [id]);
      }
    }
  }
}
