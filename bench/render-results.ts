// `npx tsx bench/render-results.ts`: regenerates bench/RESULTS.md from bench/results.json and
// bench/notes.md (after editing the notes), without running anything.
import { writeRendered } from "./report";

writeRendered();
