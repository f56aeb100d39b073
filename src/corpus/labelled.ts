/**
 * Labelled texts for measuring accuracy, one JSON object per line:
 * `{"id", "text", "flag", "cover": [substrings a warning must overlap], "category", "why"}`.
 */
export interface LabelledText {
  readonly id: string;
  readonly text: string;
  readonly flag: boolean;
  readonly cover: readonly string[];
  readonly category: string;
  readonly why?: string;
}

export interface LineError {
  readonly line: number;
  readonly message: string;
}

/** Parses JSONL; a bad line is reported with its number and the rest are still read. */
export function parseLabelled(text: string): { items: LabelledText[]; errors: LineError[] } {
  const items: LabelledText[] = [];
  const errors: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const problem = labelledProblem(value);
    if (problem) errors.push({ line, message: problem });
    else items.push(value as LabelledText);
  });
  return { items, errors };
}

function labelledProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id === '') return 'field "id" must be a non-empty string';
  if (typeof v.text !== 'string') return `field "text" must be a string (id ${v.id})`;
  if (typeof v.flag !== 'boolean') return `field "flag" must be true or false (id ${v.id})`;
  if (!Array.isArray(v.cover) || v.cover.some((c) => typeof c !== 'string'))
    return `field "cover" must be a list of strings (id ${v.id})`;
  if (v.flag && v.cover.length === 0) return `a flagged text needs at least one "cover" substring (id ${v.id})`;
  const missing = (v.cover as string[]).find((c) => !(v.text as string).includes(c));
  if (missing !== undefined) return `cover "${missing}" is not in the text (id ${v.id})`;
  if (typeof v.category !== 'string' || v.category === '')
    return `field "category" must be a non-empty string (id ${v.id})`;
  return undefined;
}
