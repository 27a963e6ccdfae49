// next-auth endpoints (/api/auth/*): CSRF token, credentials callback, session, sign-out.
// public: signing in is how a visitor becomes a user (AUTH-1); credentials are checked in lib/auth/sign-in.ts.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
