import { offsetToCursor } from "graphql-relay";

import { cursorOf } from "../../src/repository/pagination";

describe("cursorOf", () => {
  it("is graphql-relay's offset cursor, and Buffer's base64 of it, at every offset tried", () => {
    const offsets = [-1, Number.MAX_SAFE_INTEGER, 2 ** 31, 123_456_789_012];
    for (let offset = 0; offset < 20_000; offset++) offsets.push(offset);
    for (const offset of offsets) {
      const cursor = cursorOf(offset);
      expect(cursor).toBe(offsetToCursor(offset));
      expect(cursor).toBe(Buffer.from(`arrayconnection:${offset}`, "utf8").toString("base64"));
    }
  });

  it("spells the first cursors exactly", () => {
    expect([0, 1, 9, 10, 99, 100].map(cursorOf)).toEqual([
      "YXJyYXljb25uZWN0aW9uOjA=",
      "YXJyYXljb25uZWN0aW9uOjE=",
      "YXJyYXljb25uZWN0aW9uOjk=",
      "YXJyYXljb25uZWN0aW9uOjEw",
      "YXJyYXljb25uZWN0aW9uOjk5",
      "YXJyYXljb25uZWN0aW9uOjEwMA==",
    ]);
  });
});
