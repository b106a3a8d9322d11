// Data files imported as text (`import text from './x.json?raw'`, resolved by Vite and Vitest) and
// validated with zod at load. A plain JSON import would need `src/main/**/*.json` in the `include`
// of tsconfig.node.json (TS6307); until then the text form keeps `tsc -b` green.
declare module '*.json?raw' {
  const text: string
  export default text
}
