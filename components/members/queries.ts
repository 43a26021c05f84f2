import { useQuery, type QueryClient } from "@tanstack/react-query";
import { getJson } from "@/lib/http/get-json";
import type { MembersJson } from "@/lib/members/member-json";

export const memberKeys = {
  all: (slug: string) => ["projects", slug, "members"] as const,
  /** After any change to members or invites, and after a refusal (someone else may have changed them). */
  invalidate: (queryClient: QueryClient, slug: string) => queryClient.invalidateQueries({ queryKey: memberKeys.all(slug) }),
};

export function useMembers(slug: string, initialData: MembersJson) {
  return useQuery({
    queryKey: memberKeys.all(slug),
    queryFn: ({ signal }) => getJson<MembersJson>(`/api/projects/${encodeURIComponent(slug)}/members`, signal),
    initialData,
    retry: 1,
  });
}
