// A home page panel. min-w-0: as a grid item it may shrink below its content (a wide table scrolls
// inside its own box) instead of widening the grid column past a 390 px phone (DAY-4).
export function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="min-w-0 rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {children}
    </section>
  );
}
