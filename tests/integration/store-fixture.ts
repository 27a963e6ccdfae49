// The stores' exactness tests (control-store.test.ts for `/control`'s ControlDay, region-fill-exact.test.ts for
// REG-2's FillDay; lib/control/store/data.ts): the school's November opened and half filled on time, the writes
// since a store stamped inside its margin, journal changes that touch no lesson (the valve).
import { expect } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { day, fillLesson, type JournalFixture } from "./journal-fixture";

/** An instant at a local wall time of the ISO day in `zone` (whole-hour offsets only). */
export function localAt(iso: string, hh: number, zone: string): Date {
  const guess = new Date(`${iso}T${String(hh).padStart(2, "0")}:00:00Z`);
  const wall = new Date(guess.toLocaleString("en-US", { timeZone: zone }) + " UTC");
  return new Date(guess.getTime() - (wall.getTime() - guess.getTime()));
}

/**
 * The class's November opened by the administrator until tomorrow, so late marks and entries can be saved
 * (JRN-6); every other lesson filled by noon of its day (on time), with the register; the rest left empty.
 */
export async function openAndHalfFill(f: JournalFixture, zone: string): Promise<void> {
  await db.unlockRequest.create({
    data: {
      organisationId: f.organisationId,
      classId: f.classId,
      subjectId: f.subjectId,
      date: day("2026-11-01"),
      dateTo: day("2026-11-30"),
      reason: "Заполнение пропусков",
      status: "APPROVED",
      requesterId: f.users.admin,
      deciderId: f.users.admin,
      decidedAt: new Date(),
      openUntil: new Date(Date.now() + 86_400_000),
    },
  });
  const dates = [...f.lessons.keys()].sort();
  for (const [i, iso] of dates.entries()) {
    if (i % 2) continue;
    const at = localAt(iso, 12, zone);
    if (at > new Date()) continue;
    const lessonId = f.lessons.get(iso)!;
    await fillLesson(f, lessonId, at, [f.students[0]]);
    expect((await saveCell(f.actor(f.users.teacher), { kind: "allPresent", lessonId }, at)).body.ok).toBe(true);
  }
}

/**
 * The organisation's writes since its last store (`storedAt`; an hour ago before the first) stamped just after
 * it: as if made before the next run's margin (lib/control/store/data.ts STORE_MARGIN_MS) yet after the last run's.
 */
export async function settleSince(organisationId: number, storedAt: Date | undefined): Promise<void> {
  const at = storedAt ? new Date(storedAt.getTime() + 1) : new Date(Date.now() - 3_600_000);
  await db.lesson.updateMany({ where: { organisationId, updatedAt: { gt: at } }, data: { updatedAt: at } });
  await db.journalChange.updateMany({ where: { organisationId, at: { gt: at } }, data: { at } });
}

/**
 * Three journal changes after the organisation's watermark that touch no lesson (a final mark's row has none)
 * while `check` runs, removed after it.
 */
export async function withThreeChanges(f: JournalFixture, check: () => Promise<void>): Promise<void> {
  const organisationId = f.organisationId;
  const top = await db.journalChange.findFirst({ where: { organisationId }, orderBy: { id: "desc" } });
  await db.journalChange.createMany({
    data: [1, 2, 3].map((i) => ({
      organisationId,
      entity: "FINAL" as const,
      entityKey: `final:test:${i}`,
      userId: f.users.teacher,
      at: new Date(),
    })),
  });
  try {
    await check();
  } finally {
    await db.journalChange.deleteMany({ where: { organisationId, id: { gt: top?.id ?? BigInt(0) } } });
  }
}
