import { describe, expect, it } from "vitest";

import { normalizeTags } from "./workload";

describe("normalizeTags", () => {
  it("trims, lower-cases and drops empties and duplicates, keeping first-seen order", () => {
    expect(normalizeTags([" Kafka", "kafka", "", "Flink "])).toEqual(["kafka", "flink"]);
  });
});
