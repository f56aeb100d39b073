import type { Problem } from './problems';
import type { Path, YamlSource } from './yaml-source';

/**
 * Reads typed fields out of parsed YAML, recording a problem (with its line) for each field that
 * is missing or of the wrong type instead of stopping at the first.
 */
export class FieldReader {
  readonly problems: Problem[] = [];

  constructor(readonly source: YamlSource) {}

  problem(path: Path, message: string): void {
    this.problems.push({ file: this.source.file, line: this.source.lineOf(path), message });
  }

  at(path: Path): unknown {
    let value: unknown = this.source.data;
    for (const key of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
    return value;
  }

  /** Complains about keys that are not in `allowed` (usually typos). */
  onlyKeys(path: Path, allowed: readonly string[]): void {
    const value = this.at(path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.problem([...path, key], `unknown field "${key}" (expected one of: ${allowed.join(', ')})`);
    }
  }

  map(path: Path, required = true): Record<string, unknown> | undefined {
    const value = this.at(path);
    if (value === undefined && !required) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, `${describe(path)} must be a mapping`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  text(path: Path, required = true): string | undefined {
    const value = this.at(path);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(
        path,
        value === undefined ? `missing field "${String(path.at(-1))}"` : `${describe(path)} must be non-empty text`,
      );
      return undefined;
    }
    return value.trim();
  }

  /** A list of non-empty strings; `min` is the fewest allowed. */
  texts(path: Path, min = 0): string[] {
    const value = this.at(path);
    if (value === undefined && min === 0) return [];
    if (!Array.isArray(value)) {
      this.problem(
        path,
        value === undefined ? `missing field "${String(path.at(-1))}"` : `${describe(path)} must be a list`,
      );
      return [];
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
      else if (typeof item === 'number') out.push(String(item));
      else this.problem([...path, i], `${describe([...path, i])} must be non-empty text`);
    });
    if (out.length < min) this.problem(path, `${describe(path)} needs at least ${min} entr${min === 1 ? 'y' : 'ies'}`);
    return out;
  }
}

function describe(path: Path): string {
  return path.length === 0 ? 'the file' : `"${path.join('.')}"`;
}
