import { describe, expect, it } from "vitest";
import { firstValues, WorkloadListParamsSchema } from "./list-params";

describe("WorkloadListParamsSchema", () => {
  it("gives defaults for an empty query string", () => {
    expect(WorkloadListParamsSchema.parse({})).toEqual({ q: "", sort: "updatedAt", dir: undefined, page: 1, size: 20 });
  });

  it("coerces numbers and trims the search", () => {
    expect(WorkloadListParamsSchema.parse({ q: "  kafka ", sort: "name", dir: "asc", page: "3", size: "50" })).toEqual({
      q: "kafka",
      sort: "name",
      dir: "asc",
      page: 3,
      size: 50,
    });
  });

  it("falls back to defaults for hand-edited nonsense instead of failing the page", () => {
    expect(WorkloadListParamsSchema.parse({ sort: "password", dir: "up", page: "-4", size: "100000" })).toEqual({
      q: "",
      sort: "updatedAt",
      dir: undefined,
      page: 1,
      size: 20,
    });
  });

  it("takes the first of repeated parameters", () => {
    expect(firstValues({ q: ["a", "b"], page: "2", none: undefined })).toEqual({ q: "a", page: "2", none: undefined });
  });
});
