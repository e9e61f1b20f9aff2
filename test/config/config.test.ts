/**
 * Configuration defaults and refusals that concern where and to whom the service answers: the
 * interface it listens on, the IDE and introspection switches, CORS, and paths made absolute.
 */
import { join } from "node:path";

import { ConfigError, loadConfig } from "../../src/config/config";

/** The problems `loadConfig` refuses `env` with (none: it accepted it). */
function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("configuration", () => {
  test("listens on loopback unless HOST says otherwise", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  test("switches accept exactly true or false, as their message says", () => {
    expect(problemsOf({ ENABLE_IDE: "1", ENABLE_INTROSPECTION: "0", CORS_CREDENTIALS: "yes" })).toEqual([
      'ENABLE_INTROSPECTION must be true or false, got "0"',
      'ENABLE_IDE must be true or false, got "1"',
      'CORS_CREDENTIALS must be true or false, got "yes"',
    ]);
  });

  test("the IDE follows introspection by default, and is refused without it, naming both variables", () => {
    const switches = (env: Record<string, string>) => {
      const { ide, introspection } = loadConfig(env);
      return { ide, introspection };
    };
    expect({
      development: switches({}),
      production: switches({ NODE_ENV: "production" }),
      productionWithIntrospection: switches({ NODE_ENV: "production", ENABLE_INTROSPECTION: "true" }),
      developmentWithoutIntrospection: switches({ ENABLE_INTROSPECTION: "false" }),
      developmentWithoutIde: switches({ ENABLE_IDE: "false" }),
    }).toEqual({
      development: { ide: true, introspection: true },
      production: { ide: false, introspection: false },
      productionWithIntrospection: { ide: true, introspection: true },
      developmentWithoutIntrospection: { ide: false, introspection: false },
      developmentWithoutIde: { ide: false, introspection: true },
    });
    const refusal = [
      "ENABLE_IDE=true needs ENABLE_INTROSPECTION=true (the IDE reads the schema by introspection); set ENABLE_INTROSPECTION=true or ENABLE_IDE=false",
    ];
    expect(problemsOf({ NODE_ENV: "production", ENABLE_IDE: "true" })).toEqual(refusal);
    expect(problemsOf({ ENABLE_IDE: "true", ENABLE_INTROSPECTION: "false" })).toEqual(refusal);
  });

  test("CORS_ORIGINS is a list of origins, none by default; credentials need origins", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    const config = loadConfig({
      CORS_ORIGINS: "https://app.example.com, http://localhost:5173,https://app.example.com",
      CORS_CREDENTIALS: "true",
    });
    expect({ origins: config.corsOrigins, credentials: config.corsCredentials }).toEqual({
      origins: ["https://app.example.com", "http://localhost:5173"],
      credentials: true,
    });
    const expectation =
      'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.com or http://localhost:5173 (scheme, host and optional port; no path, no trailing slash, no "*"), got';
    expect(
      problemsOf({ CORS_ORIGINS: "*,https://app.example.com/,HTTPS://App.example.com,ftp://files.example.com" }),
    ).toEqual([
      `${expectation} "*"`,
      `${expectation} "https://app.example.com/"`,
      `${expectation} "HTTPS://App.example.com"`,
      `${expectation} "ftp://files.example.com"`,
    ]);
    expect(problemsOf({ CORS_CREDENTIALS: "true" })).toEqual([
      "CORS_CREDENTIALS=true needs CORS_ORIGINS, the origins that may send credentials",
    ]);
  });

  test("a relative SEED_DIR is made absolute", () => {
    expect(loadConfig({ SEED_DIR: "data/seed" }).seedDir).toBe(join(process.cwd(), "data", "seed"));
    expect(loadConfig({ SEED_DIR: "/nonexistent" }).seedDir).toBe("/nonexistent");
  });
});
