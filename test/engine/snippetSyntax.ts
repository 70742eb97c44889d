// A strict reader for VS Code snippet bodies (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar),
// used by the tests to check that the templates are well-formed and to expand them the way VS Code
// would when the user accepts every default: placeholders take their default text, choices their
// first option, variables the given values (with `${VAR/regex/format/flags}` transforms applied).
// Stricter than VS Code, which silently inserts malformed `${…` as text: here that is an error.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; transform?: { regex: string; format: string; flags: string } };

export class SnippetSyntaxError extends Error {}

/** The variables VS Code resolves in snippets. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export function parseSnippet(src: string): SnippetNode[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new SnippetSyntaxError(`${msg} at offset ${i} in ${JSON.stringify(src.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);

  const readInt = (): number => {
    const s = i;
    while (isDigit(src[i])) i++;
    return parseInt(src.slice(s, i), 10);
  };
  const readName = (): string => {
    const s = i;
    while (i < src.length && /[A-Za-z0-9_]/.test(src[i])) i++;
    return src.slice(s, i);
  };
  /** Raw text up to an unescaped `stop`, keeping escapes other than `\stop` as written (regex / format). */
  const readUntil = (stop: string): string => {
    let out = '';
    while (i < src.length && src[i] !== stop) {
      if (src[i] === '\\' && src[i + 1] === stop) {
        out += stop;
        i += 2;
      } else {
        out += src[i++];
      }
    }
    if (src[i] !== stop) fail(`missing "${stop}"`);
    i++;
    return out;
  };

  const parseChoices = (): string[] => {
    // after "${n|"
    const options: string[] = [];
    let cur = '';
    for (;;) {
      const c = src[i];
      if (c === undefined) fail('unterminated choice');
      if (c === '\\' && i + 1 < src.length && ',|\\'.includes(src[i + 1])) {
        cur += src[i + 1];
        i += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        i++;
      } else if (c === '|') {
        if (src[i + 1] !== '}') fail('choice must end with "|}"');
        options.push(cur);
        i += 2;
        break;
      } else {
        cur += c;
        i++;
      }
    }
    if (options.some((o) => o.length === 0)) fail('empty choice option');
    return options;
  };

  const parseDollar = (): SnippetNode => {
    // src[i] === '$'
    i++;
    if (isDigit(src[i])) return { kind: 'tabstop', index: readInt() };
    if (isNameStart(src[i])) return { kind: 'variable', name: readName() };
    if (src[i] !== '{') return fail('"$" must start a tab stop or variable (escape a literal dollar as "\\$")');
    i++;
    if (isDigit(src[i])) {
      const index = readInt();
      const c = src[i];
      if (c === '}') {
        i++;
        return { kind: 'tabstop', index };
      }
      if (c === ':') {
        i++;
        const children = parseSeq(true);
        i++; // the closing brace
        return { kind: 'tabstop', index, children };
      }
      if (c === '|') {
        i++;
        return { kind: 'tabstop', index, choices: parseChoices() };
      }
      return fail('bad tab stop');
    }
    if (isNameStart(src[i])) {
      const name = readName();
      const c = src[i];
      if (c === '}') {
        i++;
        return { kind: 'variable', name };
      }
      if (c === ':') {
        i++;
        const children = parseSeq(true);
        i++;
        return { kind: 'variable', name, children };
      }
      if (c === '/') {
        i++;
        const regex = readUntil('/');
        const format = readUntil('/');
        const s = i;
        while (i < src.length && /[a-z]/.test(src[i])) i++;
        const flags = src.slice(s, i);
        if (src[i] !== '}') fail('transform must end with "}"');
        i++;
        try {
          new RegExp(regex, flags);
        } catch (e) {
          fail(`bad transform regex ${JSON.stringify(regex)}: ${(e as Error).message}`);
        }
        return { kind: 'variable', name, transform: { regex, format, flags } };
      }
      return fail('bad variable');
    }
    return fail('"${" must be followed by a number or a variable name');
  };

  const parseSeq = (inBraces: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}') {
        if (!inBraces) fail('unbalanced "}" (escape a literal brace as "\\}")');
        flush();
        return out;
      } else if (c === '$') {
        flush();
        out.push(parseDollar());
      } else {
        text += c;
        i++;
      }
    }
    if (inBraces) fail('unclosed "${"');
    flush();
    return out;
  };

  return parseSeq(false);
}

/** Every node of the tree, depth first. */
export function walk(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind !== 'text' && n.children) walk(n.children, visit);
  }
}

function applyFormat(format: string, groups: (string | undefined)[]): string {
  return format.replace(/\\([\\$])|\$(\d+)|\$\{(\d+)\}/g, (_m, esc: string | undefined, a: string | undefined, b: string | undefined) => {
    if (esc) return esc;
    return groups[parseInt(a ?? b ?? '0', 10)] ?? '';
  });
}

/** Expand as VS Code does when every default is accepted; unknown variables are an error. */
export function expandSnippet(nodes: SnippetNode[], vars: Record<string, string>): string {
  const defaults = new Map<number, string>();
  const render = (list: SnippetNode[]): string => list.map(renderNode).join('');
  const renderNode = (n: SnippetNode): string => {
    switch (n.kind) {
      case 'text':
        return n.value;
      case 'tabstop': {
        if (n.index === 0) return '';
        if (n.children) return render(n.children);
        if (n.choices) return n.choices[0];
        return defaults.get(n.index) ?? '';
      }
      case 'variable': {
        const v = vars[n.name];
        if (v === undefined) {
          if (n.children) return render(n.children);
          throw new SnippetSyntaxError(`variable ${n.name} has no value`);
        }
        if (!n.transform) return v;
        const { regex, format, flags } = n.transform;
        return v.replace(new RegExp(regex, flags), (...m: unknown[]) => {
          const groups = m.slice(0, m.findIndex((x) => typeof x === 'number')) as (string | undefined)[];
          return applyFormat(format, groups);
        });
      }
    }
  };
  // Mirrors ($1 after ${1:default}) take the text of the first placeholder with a default.
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && !defaults.has(n.index) && (n.children || n.choices)) {
      defaults.set(n.index, n.children ? render(n.children) : n.choices![0]);
    }
  });
  return render(nodes);
}

export function bodyText(body: string | string[]): string {
  return Array.isArray(body) ? body.join('\n') : body;
}
