import type { components } from "../generated/stytch.ts";

type Schemas = components["schemas"];

/** A B2B Member, as returned by Stytch. */
export type Member = Schemas["Member"];
/** A B2B Organization, as returned by Stytch. */
export type Organization = Schemas["Organization"];
/** Known SMS locales; any other string is accepted and checked by Stytch. */
export type Locale = Schemas["Locale"];
/** A Member's session, as authenticate returns it. */
export type MemberSession = Schemas["MemberSession"];
/** One factor a session carries (an SMS code, a magic link, an OAuth login …). */
export type AuthenticationFactor = Schemas["AuthenticationFactor"];
