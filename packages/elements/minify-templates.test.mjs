// `node --test packages/elements/minify-templates.test.mjs`: the build's template
// minifier. (The browser tests also run every element with minified templates.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from './minify-templates.mjs';

test('indentation between tags goes, words keep one space', () => {
  assert.equal(minifyTemplates('html`<div>\n  <b>${x}</b>\n</div>`'), 'html`<div><b>${x}</b></div>`');
  assert.equal(minifyHtml('<p>\n  one\n  two\n</p>'), '<p> one two </p>');
  assert.equal(minifyHtml('a  b'), 'a b');
});

test('a space between two interpolations stays', () => {
  assert.equal(minifyTemplates('html`${a}\n  ${b}`'), 'html`${a} ${b}`');
});

test('css: comments and spaces go, descendant and pseudo-class spacing stays', () => {
  assert.equal(minifyTemplates('css`a {\n  color: red;\n}`'), 'css`a{color:red}`');
  assert.equal(minifyCss('/* x */ .a :hover , .b > .c { margin: 0 calc(1px + 2px) ; }'), ' .a :hover,.b>.c{margin:0 calc(1px + 2px)}');
});

test('nested templates are minified, other templates, strings and regexps are left alone', () => {
  assert.equal(
    minifyTemplates('const r = /`/; x = html`<p>\n  a ${y ? html`<i>\n q</i>` : "`"}\n</p>`'),
    'const r = /`/; x = html`<p> a ${y ? html`<i> q</i>` : "`"}</p>`',
  );
  assert.equal(minifyTemplates('f(`  keep\n  me ${a}`)'), 'f(`  keep\n  me ${a}`)');
  assert.equal(minifyTemplates('n = a / b; s = css`a { }`'), 'n = a / b; s = css`a{}`');
});

test('an unterminated template is an error, not a silent truncation', () => {
  assert.throws(() => minifyTemplates('html`<p>'), /unterminated template/);
});
