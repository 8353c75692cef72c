/** What the CORE report is computed from: counts the service gathers with a few queries. */
export type CoreInputs = {
  instances: number;
  /** instances with a source chunk */
  grounded: number;
  /** instances linked to at least one concept or relation */
  linked: number;
  coverage: {
    discipline: string;
    concepts: number;
    coveredConcepts: number;
    relations: number;
    coveredRelations: number;
    approvedConcepts: number;
    coveredApprovedConcepts: number;
    approvedRelations: number;
    coveredApprovedRelations: number;
  }[];
  /** instances that fail the instance schema (empty prompt or completion, no link) */
  schemaErrors: number;
  /** instances beyond the first with the same content hash */
  duplicates: number;
  reachability: { violations: number };
  /** the last orthogonality check, or null when it has not run */
  orthogonality: { violations: number; checkedAt: string } | null;
  lineage: { parent: { id: string; name: string; version: number } | null; added: number; removed: number; note: string | null };
};

export type CheckResult = { pass: boolean | null; count: number; label: string };

export type CoreReport = {
  contextualized: { share: number; grounded: number; instances: number };
  organized: { share: number; linked: number; coverage: CoreInputs["coverage"] };
  rigorous: { pass: boolean | null; checks: { schema: CheckResult; duplicates: CheckResult; reachability: CheckResult; orthogonality: CheckResult } };
  evolving: CoreInputs["lineage"];
};

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

/**
 * CORE for a training set: Contextualized (grounded in a chunk), Organized (linked to L1/L2,
 * with coverage per discipline), Rigorous (schema, duplicates, reachability, orthogonality:
 * pass or fail with counts; orthogonality unknown until the gate has run), Evolving (lineage).
 */
export function coreReport(i: CoreInputs): CoreReport {
  const checks = {
    schema: { pass: i.schemaErrors === 0, count: i.schemaErrors, label: "instances failing the schema" },
    duplicates: { pass: i.duplicates === 0, count: i.duplicates, label: "duplicate instances" },
    reachability: { pass: i.reachability.violations === 0, count: i.reachability.violations, label: "reachability violations" },
    orthogonality: i.orthogonality
      ? { pass: i.orthogonality.violations === 0, count: i.orthogonality.violations, label: "pairs overlapping the benchmark" }
      : { pass: null, count: 0, label: "not checked yet" },
  };
  const results = Object.values(checks).map((c) => c.pass);
  return {
    contextualized: { share: share(i.grounded, i.instances), grounded: i.grounded, instances: i.instances },
    organized: { share: share(i.linked, i.instances), linked: i.linked, coverage: i.coverage },
    rigorous: { pass: results.includes(false) ? false : results.includes(null) ? null : true, checks },
    evolving: i.lineage,
  };
}
