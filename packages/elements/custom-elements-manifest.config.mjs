// Generates packages/elements/custom-elements.json from the JSDoc above each
// element class (@tagname, @summary, @fires, @csspart, @cssproperty) and its
// Lit properties. Run in packages/elements by scripts/after-build.mjs
// (`npx cem analyze --config custom-elements-manifest.config.mjs`).

/** Points the manifest at the published files: src/x.ts → dist/x.js (src is not in the package). */
function publishedPaths() {
  const toDist = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'samverkan-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = toDist(mod.path);
        for (const item of [...(mod.exports ?? []), ...(mod.declarations ?? [])]) {
          for (const ref of [item.declaration, item.superclass, ...(item.members ?? []).map((m) => m.inheritedFrom)]) {
            if (ref?.module) ref.module = toDist(ref.module);
          }
          for (const attr of item.attributes ?? []) if (attr.inheritedFrom?.module) attr.inheritedFrom.module = toDist(attr.inheritedFrom.module);
          for (const event of item.events ?? []) if (event.inheritedFrom?.module) event.inheritedFrom.module = toDist(event.inheritedFrom.module);
        }
      }
    },
  };
}

/**
 * Our define modules register through defineElement('tag', Class) (guarded
 * against double definition), which the analyzer does not know: record each
 * call as the `custom-element-definition` export it is.
 */
function defineElementCalls() {
  return {
    name: 'samverkan-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag)) return;
      const name = cls.getText();
      // The class's module: the import that brings `name` into this file.
      const from = node
        .getSourceFile()
        .statements.filter(ts.isImportDeclaration)
        .find((i) => i.importClause?.namedBindings?.elements?.some((e) => e.name.text === name));
      const specifier = from ? from.moduleSpecifier.text.replace(/\.js$/, '.ts') : undefined;
      const module = specifier ? new URL(specifier, `file:///${moduleDoc.path}`).pathname.slice(1) : moduleDoc.path;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name, module } });
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // Tests are not API; define-element's generic customElements.define would
  // show up as a bogus definition of a tag called "tag".
  exclude: ['src/**/*.test.ts', 'src/internal/define-element.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementCalls(), publishedPaths()],
};
