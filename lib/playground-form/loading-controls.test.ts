import { beforeEach, describe, expect, it } from "vitest";
import { registerStandIn, useLoadingControls } from "@/lib/playground-form/loading-controls";

const loading = () => useLoadingControls.getState().count > 0;

describe("registerStandIn", () => {
  beforeEach(() => useLoadingControls.setState({ count: 0 }));

  it("counts the form as loading until every stand-in is gone", () => {
    const style = registerStandIn();
    const image = registerStandIn();
    style();
    expect(loading()).toBe(true);
    image();
    expect(loading()).toBe(false);
  });

  it("counts a stand-in released twice once, so another one still holds Run", () => {
    const style = registerStandIn();
    registerStandIn();
    style();
    style();
    expect(loading()).toBe(true);
  });
});

describe("registerMaskExport", () => {
  it("holds Run apart from the stand-ins until the export is done", async () => {
    const { registerMaskExport, maskExportPending } = await import("@/lib/playground-form/loading-controls");
    useLoadingControls.setState({ count: 0 });
    const done = registerMaskExport();
    expect(maskExportPending()).toBe(true);
    expect(loading()).toBe(false);
    done();
    done();
    expect(maskExportPending()).toBe(false);
  });
});
