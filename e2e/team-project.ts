/** The project seed-people.ts adds for members.spec: Ann is its only admin. */
export const TEAM_PROJECT = { slug: "team-sandbox", name: "Team sandbox" } as const;

export const TEAM_PEOPLE = [
  { id: "e2eTeamAnn00000000000000000000001", name: "Ann Admin", email: "ann@team.example", role: "admin" },
  { id: "e2eTeamBob00000000000000000000002", name: "Bob Builder", email: "bob@team.example", role: "builder" },
  { id: "e2eTeamVic00000000000000000000003", name: "Vic Viewer", email: "vic@team.example", role: "viewer" },
] as const;
