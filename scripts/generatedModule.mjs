// An esbuild module whose source is generated at build time: `name` resolves to it, and
// `generate()` ({ source, resolveDir }) runs once per build script however many bundles import it.
export function generatedModule(name, generate) {
  let generated;
  return (build) => {
    build.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: name }));
    build.onLoad({ filter: /.*/, namespace: name }, () => {
      generated ??= generate();
      return { contents: generated.source, resolveDir: generated.resolveDir, loader: 'js' };
    });
  };
}
