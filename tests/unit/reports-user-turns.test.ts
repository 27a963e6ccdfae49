// SEC-5: a user's heavy report requests are answered USER_HEAVY_TURNS at a time per process.
import { describe, expect, it } from "vitest";
import { takeUserTurn, userTurns } from "@/lib/reports/user-turns";

const tick = () => new Promise((r) => setImmediate(r));

describe("takeUserTurn (SEC-5)", () => {
  it("lets two run, holds the third until one is given back, then passes the turn on", async () => {
    const a = await takeUserTurn("1:7", 2);
    const b = await takeUserTurn("1:7", 2);
    let third = false;
    const c = takeUserTurn("1:7", 2).then((give) => {
      third = true;
      return give;
    });
    await tick();
    expect(third).toBe(false);
    expect(userTurns("1:7")).toEqual({ running: 2, waiting: 1 });
    a();
    const giveC = await c;
    expect(third).toBe(true);
    expect(userTurns("1:7")).toEqual({ running: 2, waiting: 0 });
    b();
    giveC();
    expect(userTurns("1:7")).toEqual({ running: 0, waiting: 0 });
  });

  it("does not hold another user, and a turn given back twice counts once", async () => {
    const a = await takeUserTurn("1:8", 1);
    let other = false;
    await takeUserTurn("1:9", 1).then((give) => {
      other = true;
      give();
    });
    expect(other).toBe(true);
    a();
    a();
    expect(userTurns("1:8")).toEqual({ running: 0, waiting: 0 });
    const again = await takeUserTurn("1:8", 1);
    expect(userTurns("1:8")).toEqual({ running: 1, waiting: 0 });
    again();
  });
});
