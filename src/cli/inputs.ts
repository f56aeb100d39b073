import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { BREAK } from '../match/normalize';
import { pageContext } from '../page/claims';
import { extractBlocks } from '../page/extract';

/** A text to scan, split into blocks the way the extension would see them. */
export interface ScanInput {
  readonly file: string;
  /** The text offsets refer to: the file itself, or the visible text of an HTML page. */
  readonly text: string;
  readonly blocks: readonly InputBlock[];
  readonly context: string;
}

export interface InputBlock {
  /** Where the block's text starts in `ScanInput.text`. */
  readonly start: number;
  readonly text: string;
  /** Where a person finds it: "line 12" in a text file, "block 4" in a page. */
  readonly where: string;
}

export class InputError extends Error {}

/** Reads a file (or stdin for "-") as text, refusing binary files with a clear message. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message}`,
    );
  }
  if (bytes.includes(0))
    throw new InputError(`${file}: looks like a binary file (it contains NUL bytes); give a .txt or .html file`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const replaced = text.split('\uFFFD').length - 1;
  if (replaced > 0 && replaced > text.length / 100) throw new InputError(`${file}: is not UTF-8 text`);
  return text;
}

/** `readText`, with a bad file reported on stderr (by name and why) instead of thrown. */
export function readTextOrReport(file: string): string | undefined {
  try {
    return readText(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

/** A first line this short, with a blank line after it and no full stop, is a text's title. */
const TITLE_CHARS = 120;

/**
 * Plain text: every line is a block (a paragraph or a listing line). An article saved as text
 * keeps its title as the first line, set off by a blank line: that line is the page context, as
 * a page's title and heading are (an article titled "Does Running Burn Buttocks Fat" asks).
 */
export function textInput(file: string, text: string): ScanInput {
  const blocks: InputBlock[] = [];
  let start = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() !== '') blocks.push({ start, text: line, where: `line ${index + 1}` });
    start += line.length + 1;
  });
  const [first = '', second] = lines;
  const title = first.trim();
  const titled = title !== '' && title.length <= TITLE_CHARS && second?.trim() === '' && !title.endsWith('.');
  return { file, text, blocks, context: titled ? title : '' };
}

/**
 * HTML: the same visible-text extraction the content script uses (no script, style, template,
 * form fields or hidden elements). Offsets refer to the blocks' text joined by newlines.
 */
export function htmlInput(file: string, html: string): ScanInput {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    const doc = window.document;
    doc.write(html);
    const extracted = extractBlocks(doc.body as unknown as Node);
    const blocks: InputBlock[] = [];
    let start = 0;
    for (const [index, block] of extracted.entries()) {
      // Blocks keep their hard breaks (U+2029) for matching; the joined text shows them as newlines.
      blocks.push({ start, text: block.text, where: `block ${index + 1}` });
      start += block.text.length + 1;
    }
    const text = blocks.map((b) => b.text.split(BREAK).join('\n')).join('\n');
    return { file, text, blocks, context: pageContext(doc as unknown as Document) };
  } finally {
    window.close();
  }
}

export function readInput(file: string): ScanInput {
  const text = readText(file);
  return /\.x?html?$/i.test(file) || (file === '-' && /^\s*<(!doctype|html|body|div|p)\b/i.test(text))
    ? htmlInput(file, text)
    : textInput(file, text);
}
