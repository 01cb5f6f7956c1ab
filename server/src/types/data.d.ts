/** The files of `data/` by their path there, bundled into the web-worker server by esbuild.mjs. */
declare module 'budget-tables:data' {
  const files: Record<string, string>;
  export default files;
}
