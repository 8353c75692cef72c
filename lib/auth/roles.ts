/** The five roles, from most to least powerful; the values match the database enum. */
export const ROLES = ["ADMIN", "LEAD", "EXPERT", "ANNOTATOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Record<Role, { label: string; description: string }> = {
  ADMIN: { label: "Admin", description: "Users, endpoints, settings and everything else" },
  LEAD: { label: "Lead", description: "Approves training sets, launches fine-tunes and evaluations, reads dashboards" },
  EXPERT: { label: "Expert", description: "Imports documents, edits and approves knowledge" },
  ANNOTATOR: { label: "Annotator", description: "Reviews failure traces, edits and approves patches" },
  VIEWER: { label: "Viewer", description: "Reads everything, changes nothing" },
};

export const isRole = (v: unknown): v is Role => typeof v === "string" && (ROLES as readonly string[]).includes(v);
