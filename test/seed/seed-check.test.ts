/**
 * `npm run seed:check`: the compiled script (`npm test` builds dist/ before jest runs) validates a
 * seed folder without starting the server, and prints every problem as start-up would.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { ROOT, SEED_DIR } from "../support/harness";

const SCRIPT = join(ROOT, "dist", "src", "scripts", "seed-check.js");

beforeAll(() => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run \`npm run build\` (npm test does) first`);
});

function check(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run seed:check", () => {
  test("accepts a valid folder, saying what it holds", () => {
    expect(check([SEED_DIR])).toEqual({
      code: 0,
      stdout:
        `${SEED_DIR} is valid: 2 sources, 2 countries, 3 cities, 2 leaders, 3 companies, 2 meetings, 2 delegations, ` +
        "16 cooperationAreas, 24 positions, 2 commitments, 1 flightRoutes, 1 awards, 1 awardConferrals, 2 sharedValues, 9 statements\n",
      stderr: "",
    });
  });

  test("checks the checkout's seed/ by default, whatever reports it holds", () => {
    const result = check([]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(result.stdout.startsWith(`${join(ROOT, "seed")} is valid: `)).toBe(true);
  });

  test("prints every problem of an invalid folder, with absolute paths, and fails", () => {
    const dir = join(ROOT, "test", "fixtures", "seed", "several-problems");
    expect(check([], { SEED_DIR: dir })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "The seed data is invalid (3 problems):\n" +
        `  - ${dir}/companies.json: $.companies[0].sector: must be one of the following values: URANIUM_MINING, NUCLEAR_ENERGY, AVIATION, OIL_AND_GAS, MINING, LOGISTICS, AGRICULTURE, PHARMACEUTICALS, DEFENSE, FINANCE, TECHNOLOGY, TOURISM, OTHER\n` +
        `  - ${dir}/talks.json: $.leaders[1].country: references unknown id "country:KR"\n` +
        `  - ${dir}/talks.json: $.leaders[0].citations[0].quote: "President Lucas Ferreira of Argentina" does not match the source text at 29..66, which reads "President Lucas Ferreyra of Argentina"\n`,
    });
  });

  test("names a missing folder by its absolute path", () => {
    expect(check(["no-such-folder"], { INIT_CWD: "/tmp" })).toEqual({
      code: 1,
      stdout: "",
      stderr: "The seed data is invalid (1 problem):\n  - /tmp/no-such-folder: cannot read the seed folder (ENOENT)\n",
    });
  });
});
