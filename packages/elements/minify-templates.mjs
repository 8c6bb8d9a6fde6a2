// Shrinks the static text of Lit's html`` and css`` tagged templates in
// JavaScript (esbuild's TS output: no comments left to confuse the scanner).
// esbuild keeps template text verbatim, and the indentation of the templates
// was about a fifth of the bundle. Used by build.mjs (an esbuild onLoad
// plugin) and by the browser tests (so they test the minified templates).
//
//   minifyTemplates('html`<div>\n  <b>${x}</b>\n</div>`') === 'html`<div><b>${x}</b></div>`'

/**
 * HTML text: whitespace that contains a line break is indentation. Between a
 * tag and a tag (or an interpolation) it goes; elsewhere it becomes one space
 * (so `a\n  b` stays two words). Runs without a line break become one space.
 * There is no <pre> in the templates; <textarea> content is always bound.
 */
export function minifyHtml(s) {
  return s
    .replace(/>\s*\n\s*</g, '><')
    .replace(/>\s*\n\s*$/, '>')
    .replace(/^\s*\n\s*</, '<')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[ \t]{2,}/g, ' ');
}

/**
 * CSS text: comments go, whitespace collapses and disappears around `{ } ; , >`
 * and after `:`, and the `;` before `}` goes. A space before `:` stays
 * (`a :hover` is not `a:hover`), and so do spaces around `+`/`-` (calc()).
 * At an interpolation's edge one space is kept if there was any.
 */
export function minifyCss(s) {
  return s
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

const TAGS = { html: minifyHtml, svg: minifyHtml, css: minifyCss };

/**
 * Minifies every html``/svg``/css`` template in `code` (plain JavaScript).
 * Nested templates inside `${…}` are minified too.
 *
 * @example minifyTemplates('css`a {\n  color: red;\n}`') // 'css`a{color:red}`'
 */
export function minifyTemplates(code) {
  let out = '';
  let i = 0;
  const n = code.length;

  // Copies a quoted string starting at i (quote char at code[i]).
  const string = () => {
    const q = code[i];
    let j = i + 1;
    while (j < n && code[j] !== q) j += code[j] === '\\' ? 2 : 1;
    out += code.slice(i, j + 1);
    i = j + 1;
  };

  // At code[i] === '`'. `fn` minifies the static text (or null to keep it).
  const template = (fn) => {
    out += '`';
    i++;
    let text = '';
    const flush = () => {
      out += fn ? fn(text) : text;
      text = '';
    };
    while (i < n) {
      const c = code[i];
      if (c === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (c === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        expression('}');
        out += '}';
        i++;
      } else {
        text += c;
        i++;
      }
    }
    throw new Error('minifyTemplates: unterminated template literal');
  };

  // Copies code until the unmatched `end` (not consumed); '' means the end of input.
  const expression = (end) => {
    let depth = 0;
    let prev = '';
    while (i < n) {
      const c = code[i];
      if (c === end && depth === 0) return;
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      if (c === '"' || c === "'") {
        string();
        prev = 'x';
        continue;
      }
      if (c === '/' && code[i + 1] === '/') {
        const j = code.indexOf('\n', i);
        out += code.slice(i, j < 0 ? n : j);
        i = j < 0 ? n : j;
        continue;
      }
      if (c === '/' && code[i + 1] === '*') {
        const j = code.indexOf('*/', i + 2) + 2;
        out += code.slice(i, j);
        i = j;
        continue;
      }
      if (c === '/' && (prev === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(prev))) {
        // A regular expression literal.
        let j = i + 1;
        let cls = false;
        while (j < n && (cls || code[j] !== '/')) {
          if (code[j] === '\\') j++;
          else if (code[j] === '[') cls = true;
          else if (code[j] === ']') cls = false;
          j++;
        }
        out += code.slice(i, j + 1);
        i = j + 1;
        prev = 'x';
        continue;
      }
      if (c === '`') {
        const tag = /(?:^|[^\w$.])(html|svg|css)\s*$/.exec(code.slice(Math.max(0, i - 12), i));
        template(tag ? TAGS[tag[1]] : null);
        prev = 'x';
        continue;
      }
      out += c;
      i++;
      if (!/\s/.test(c)) prev = /[\w$)\]]/.test(c) ? 'x' : c;
    }
    if (end) throw new Error(`minifyTemplates: missing ${end}`);
  };

  expression('');
  return out;
}
