/**
 * Type tests of "Adding an operation" step 3 for the other shapes (test-only spec): a method's request type
 * is its path and query parameters plus its body's fields, one object. Checked by tsc, never executed.
 */
import type { StytchB2BCore } from "../../src/core.ts";
import { method, operation } from "../../src/internal/pipeline.ts";
import { getMember, searchMembers } from "../fixtures/shapes/generated/operations.ts";
import type { components, operations } from "../fixtures/shapes/generated/stytch.ts";
import { expectType, type Equal } from "./expect.ts";

type GetMember = operations["getMember"]["parameters"];
type GetMemberRequest = GetMember["path"] & NonNullable<GetMember["query"]>;
type SearchMembersRequest = components["schemas"]["SearchMembersRequest"];

declare const client: StytchB2BCore;
const get = method(operation<GetMemberRequest, components["schemas"]["MemberResponse"]>(getMember), client);
const search = method(operation<SearchMembersRequest, components["schemas"]["SearchMembersResponse"]>(searchMembers), client);

export async function checks() {
  const { member } = await get({ organization_id: "o", member_id: "m" });
  expectType<Equal<typeof member.is_admin, boolean>>();
  await get({ organization_id: "o", email_address: "a@example.com" });
  // @ts-expect-error the path parameter is required
  await get({ member_id: "m" });
  // @ts-expect-error not a parameter of the operation
  await get({ organization_id: "o", member: "m" });

  await search({ organization_ids: ["o"], query: { operator: "OR", operands: [{ filter_name: "member_ids", filter_value: ["m"] }] } });
  // @ts-expect-error a closed nested object's enum
  await search({ organization_ids: ["o"], query: { operator: "XOR", operands: [] } });
  // @ts-expect-error a list of strings
  await search({ organization_ids: "o" });
}
