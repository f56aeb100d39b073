import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { Problem } from './problems';

export type Path = readonly (string | number)[];

/** A parsed YAML file that can say on which line any value sits, for error messages. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Line (1-based) of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: Path): number;
}

/** Parses YAML text; syntax errors come back as problems with their own line numbers. */
export function parseYaml(file: string, text: string): { source?: YamlSource; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  // Only the first syntax error: the ones after it are almost always its echoes.
  const problems: Problem[] = doc.errors.slice(0, 1).map((error) => ({
    file,
    line: lines.linePos(error.pos[0]).line,
    message: `YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  if (problems.length > 0) return { problems };
  const lineOf = (path: Path): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      const start = node && (isMap(node) || isSeq(node) || isScalar(node)) ? node.range?.[0] : undefined;
      if (start !== undefined) return lines.linePos(start).line;
    }
    return 1;
  };
  return { source: { file, data: doc.toJS(), lineOf }, problems };
}
