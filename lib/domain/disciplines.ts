/** The 16 default disciplines of a new workspace (editable later). */
export const DEFAULT_DISCIPLINES: { slug: string; name: string }[] = [
  { slug: "anatomy-physiology", name: "Anatomy and Physiology" },
  { slug: "anthropology", name: "Anthropology" },
  { slug: "astronomy", name: "Astronomy" },
  { slug: "biology", name: "Biology" },
  { slug: "business", name: "Business" },
  { slug: "chemistry", name: "Chemistry" },
  { slug: "economics", name: "Economics" },
  { slug: "history", name: "History" },
  { slug: "mathematics", name: "Mathematics" },
  { slug: "microbiology", name: "Microbiology" },
  { slug: "philosophy", name: "Philosophy" },
  { slug: "physics", name: "Physics" },
  { slug: "political-science", name: "Political Science" },
  { slug: "psychology", name: "Psychology" },
  { slug: "sociology", name: "Sociology" },
  { slug: "statistics", name: "Statistics" },
];

export const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** "Anatomy and Physiology", "anatomy-physiology" and "Anatomy & Physiology" name one discipline. */
export const disciplineKey = (nameOrSlug: string) => slugify(nameOrSlug).replace(/-and-/g, "-");
