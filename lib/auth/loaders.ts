// Reads for the auth pages, memoised per request (ARCHITECTURE "Layers").
import { cache } from "react";
import { loadSignInDirectory, type SignInDirectory } from "./data";

/** Region → municipality → organisation lists of the public sign-in page (AUTH-1). */
export const signInDirectory: () => Promise<SignInDirectory> = cache(loadSignInDirectory);
