// Configuration of `cem analyze` (run by build.mjs): which files, Lit mode, and
// one plugin. Lit's `static properties = { x: { state: true } }` are internal
// reactive state, but the analyzer lists them as attributes; the plugin drops
// them from `attributes` and marks the fields private.
const stateFields = new Set(); // `${className}.${field}`

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
const litStateProperties = {
  name: 'cen-kit-lit-state-properties',
  analyzePhase({ ts, node }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
      const init = member.initializer;
      if (!init || !ts.isObjectLiteralExpression(init)) continue;
      for (const prop of init.properties) {
        if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
        const isState = prop.initializer.properties.some(
          (o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) stateFields.add(`${node.name.text}.${prop.name.getText()}`);
      }
    }
  },
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules ?? []) {
      for (const d of mod.declarations ?? []) {
        if (d.kind !== 'class') continue;
        const isState = (field, from) => stateFields.has(`${from ?? d.name}.${field}`);
        if (d.attributes) d.attributes = d.attributes.filter((a) => !isState(a.fieldName ?? a.name, a.inheritedFrom?.name));
        for (const m of d.members ?? []) if (m.kind === 'field' && isState(m.name, m.inheritedFrom?.name)) m.privacy = 'private';
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test/**'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; the npm build's --outdir dist must not rewrite it.
  packagejson: false,
  plugins: [litStateProperties],
};
