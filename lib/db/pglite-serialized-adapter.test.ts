import { describe, expect, it } from "vitest";

import { Gate } from "./pglite-serialized-adapter";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("Gate", () => {
  it("lets one holder in at a time, in arrival order", async () => {
    const gate = new Gate();
    const order: string[] = [];
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      ["a", "b", "c", "d"].map((name) =>
        gate.run(async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          order.push(name);
          await tick();
          inside -= 1;
        }),
      ),
    );
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(maxInside).toBe(1);
    expect(gate.pending).toBe(0);
  });

  it("is released when the holder throws, and a double release frees only one turn", async () => {
    const gate = new Gate();
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const release = await gate.acquire();
    release();
    release();
    const second = await gate.acquire();
    let thirdIn = false;
    const third = gate.acquire().then((r) => {
      thirdIn = true;
      return r;
    });
    await tick();
    expect(thirdIn).toBe(false);
    second();
    (await third)();
    expect(thirdIn).toBe(true);
  });
});
