// Sign-in refusals travel from `authorize` to the form as short codes (next-auth puts a
// thrown Error's message into `?error=`); only these codes are turned into text, so a crafted
// `/login?error=…` link cannot put arbitrary words on the page. Client-safe: no server imports.

export type SignInRefusal =
  | { code: "INVALID" }
  | { code: "LOCKED"; until: string }
  | { code: "ADDRESS_BLOCKED"; until: string }
  | { code: "DISABLED" }
  | { code: "UNAVAILABLE" };

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The string thrown from `authorize` (and so found in next-auth's `error`). */
export function encodeRefusal(refusal: SignInRefusal): string {
  return "until" in refusal ? `${refusal.code}:${refusal.until}` : refusal.code;
}

export function decodeRefusal(error: string | null | undefined): SignInRefusal | null {
  if (!error) return null;
  const [code, ...rest] = error.split(":");
  const until = rest.join(":");
  switch (code) {
    case "INVALID":
    case "CredentialsSignin":
      return { code: "INVALID" };
    case "LOCKED":
    case "ADDRESS_BLOCKED":
      return CLOCK.test(until) ? { code, until } : { code: "INVALID" };
    case "DISABLED":
      return { code: "DISABLED" };
    default:
      return { code: "UNAVAILABLE" };
  }
}

export function refusalMessage(refusal: SignInRefusal): string {
  switch (refusal.code) {
    case "INVALID":
      return "Неверный логин или пароль";
    case "LOCKED":
      return `Слишком много неудачных попыток. Вход заблокирован до ${refusal.until}`;
    case "ADDRESS_BLOCKED":
      return `Слишком много неудачных попыток входа с этого устройства. Повторите после ${refusal.until}`;
    case "DISABLED":
      return "Учётная запись отключена. Обратитесь к администратору организации";
    case "UNAVAILABLE":
      return "Вход временно недоступен. Повторите попытку позже";
  }
}
