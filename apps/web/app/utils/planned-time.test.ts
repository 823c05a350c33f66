import { describe, expect, it } from "vitest";
import { formatPlanned, plannedInputValue, plannedInstant } from "./planned-time";

describe("planned time on the profile's clock", () => {
  it("reads and writes the wall clock of the profile's zone, whatever the browser's", () => {
    expect(plannedInstant("2026-03-31T18:00", "Europe/Lisbon")).toBe("2026-03-31T17:00:00.000Z");
    expect(plannedInstant("2026-03-31T18:00", "America/New_York")).toBe("2026-03-31T22:00:00.000Z");
    expect(plannedInputValue("2026-03-31T17:00:00.000Z", "Europe/Lisbon")).toBe("2026-03-31T18:00");
    expect(plannedInputValue("2026-03-31T17:00:00.000Z", "Asia/Kathmandu")).toBe("2026-03-31T22:45");
  });
  it("round-trips every quarter hour across a DST switch, except the hour that does not exist", () => {
    for (let m = 0; m < 48 * 4; m++) {
      const t = Date.UTC(2026, 2, 28, 0, 0) + m * 15 * 60_000;
      const value = plannedInputValue(new Date(t).toISOString(), "Europe/Lisbon");
      expect(plannedInstant(value, "Europe/Lisbon")).toBe(new Date(t).toISOString());
    }
    // 01:30 on 2026-03-29 is skipped in Lisbon (01:00 -> 02:00): it lands just after the gap.
    expect(plannedInputValue(plannedInstant("2026-03-29T01:30", "Europe/Lisbon"), "Europe/Lisbon")).toBe("2026-03-29T02:30");
  });
  it("a time in the repeated hour when clocks go back still reads as what was typed", () => {
    for (const [value, zone] of [["2026-10-25T01:30", "Europe/Lisbon"], ["2026-11-01T01:30", "America/New_York"]] as const) {
      expect(plannedInputValue(plannedInstant(value, zone), zone)).toBe(value);
    }
  });
  it("is empty for no time and null for a malformed value", () => {
    expect(plannedInputValue(null, "UTC")).toBe("");
    expect(plannedInstant("", "UTC")).toBeNull();
    expect(plannedInstant("31/03/2026 18:00", "UTC")).toBeNull();
  });
  it("shows the time with the zone named", () => {
    expect(formatPlanned("2026-03-31T17:00:00.000Z", "Europe/Lisbon")).toBe("Mar 31, 2026, 6:00 PM GMT+1");
  });
});
