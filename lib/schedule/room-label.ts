// DAY-12: how a room is named next to a lesson — «каб. 206» for a number, the name itself when it
// already says what it is («Кабинет физики», «Спортзал»), never «каб. Кабинет физики».
export function roomLabel(name: string): string {
  return /^\d/.test(name.trim()) ? `каб. ${name.trim()}` : name.trim();
}
