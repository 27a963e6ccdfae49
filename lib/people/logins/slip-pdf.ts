// Credential slips (AUTH-2): one slip per person, ten per A4 page, dashed cut lines, with the
// organisation's name, the sign-in address, the login and the one-time password.
import path from "node:path";
// pdfmake 0.3's Node entry is a ready instance (typed in lib/reports/pdfmake.d.ts); the same
// fonts and access policies as the reports are set on it.
import pdfmake from "pdfmake";

export type Slip = { fullName: string; roleLabel: string; login: string; password: string };

const FONT_DIR = path.join(process.cwd(), "node_modules", "pdfmake", "fonts", "Roboto");
const engine = pdfmake;
engine.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, "Roboto-Regular.ttf"),
    bold: path.join(FONT_DIR, "Roboto-Medium.ttf"),
    italics: path.join(FONT_DIR, "Roboto-Italic.ttf"),
    bolditalics: path.join(FONT_DIR, "Roboto-MediumItalic.ttf"),
  },
});
// Slips never load anything from the network or the disk besides the bundled fonts.
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR));

const PER_ROW = 2;

function slipCell(orgName: string, signInUrl: string, s: Slip) {
  return {
    margin: [8, 8, 8, 8],
    stack: [
      { text: orgName, bold: true, fontSize: 9 },
      { text: "Электронный журнал и дневник", fontSize: 8, color: "#555555", margin: [0, 0, 0, 4] },
      { text: s.fullName, fontSize: 11, bold: true },
      { text: s.roleLabel, fontSize: 8, color: "#555555", margin: [0, 0, 0, 4] },
      {
        text: [
          { text: "Адрес входа: ", fontSize: 8 },
          { text: signInUrl, fontSize: 9 },
        ],
      },
      {
        text: [
          { text: "Логин: ", fontSize: 9 },
          { text: s.login, fontSize: 12, bold: true },
        ],
      },
      {
        text: [
          { text: "Пароль: ", fontSize: 9 },
          { text: s.password, fontSize: 12, bold: true },
        ],
      },
      {
        text: "Пароль одноразовый: при первом входе задайте свой. Никому не сообщайте пароль.",
        fontSize: 7,
        margin: [0, 4, 0, 0],
      },
    ],
  };
}

/** The PDF of the slips as a Buffer. */
export async function renderSlips(orgName: string, signInUrl: string, slips: readonly Slip[]): Promise<Buffer> {
  const body: unknown[][] = [];
  for (let i = 0; i < slips.length; i += PER_ROW) {
    const row: unknown[] = slips.slice(i, i + PER_ROW).map((s) => slipCell(orgName, signInUrl, s));
    while (row.length < PER_ROW) row.push({ text: "" });
    body.push(row);
  }
  const dashed = () => ({ dash: { length: 4, space: 3 } });
  const doc = {
    pageSize: "A4",
    pageMargins: [20, 20, 20, 20],
    info: { title: "Памятки для входа", author: orgName },
    defaultStyle: { font: "Roboto" },
    content: [
      {
        table: {
          widths: ["*", "*"],
          heights: 150,
          dontBreakRows: true,
          body: body.length ? body : [[{ text: "" }, { text: "" }]],
        },
        layout: { hLineStyle: dashed, vLineStyle: dashed, hLineColor: () => "#888888", vLineColor: () => "#888888" },
      },
    ],
  };
  return engine.createPdf(doc).getBuffer();
}
