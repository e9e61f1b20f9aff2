/**
 * GraphQL Code Generator config for the example client. Run from the repository root:
 *
 *   npm run codegen                 # (re)writes examples/client/generated/
 *   npx graphql-codegen --config examples/client/codegen.ts --check   # fails when generated/ is stale
 *
 * It reads the committed `schema.graphql` (never a live server), so the generated types are exactly
 * the contract the service promises, and generating needs neither network nor a running service.
 */
// `CodegenConfig` from "@graphql-codegen/cli" is this same type, but importing it pulls
// @whatwg-node/fetch's `/// <reference lib="dom" />` into the root TypeScript program: Node's
// `Response.json()` then returns `any` instead of `unknown` everywhere, and ESLint's no-unsafe-*
// rules fail in test/http. In a browser project, import `CodegenConfig` from the CLI instead.
import type { Types } from "@graphql-codegen/plugin-helpers";

type CodegenConfig = Types.Config;

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["examples/client/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "examples/client/generated/": {
      preset: "client",
      presetConfig: {
        // Plain `fetch`, no UI framework: hand whole result types to callers instead of masking
        // fragment fields behind `useFragment`.
        fragmentMasking: false,
      },
      config: {
        // Every custom scalar must be mapped here; an unmapped one fails generation instead of
        // silently becoming `unknown` (which, as a variable type, accepts anything).
        strictScalars: true,
        scalars: {
          /** ISO 3166-1 alpha-2, e.g. "KZ". */
          CountryCode: "string",
          /** ISO 4217, e.g. "USD". */
          Currency: "string",
          /** `YYYY-MM-DD`, no time zone, e.g. "2025-08-27"; kept a string so no Date shifts it. */
          LocalDate: "string",
          /** An integer ≥ 0 (counts, citation offsets). */
          NonNegativeInt: "number",
          /** An integer within ±(2^53 − 1), e.g. money amounts in whole units. */
          SafeInt: "number",
        },
        // Enums as unions of string literals (`"PROPOSED" | "SUPPORTED" | …`): no runtime code,
        // and the JSON the server sends is already of that type. (In codegen 6 this replaces
        // `enumsAsTypes: true`, which the client preset no longer forwards.)
        enumType: "string-literal",
        // `import type` for type-only imports, as `isolatedModules` wants.
        useTypeImports: true,
      },
    },
  },
};

export default config;
