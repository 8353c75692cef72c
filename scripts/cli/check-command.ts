import { describeViolation } from "@/lib/domain/orthogonality/kinds";
import { checkGates } from "@/lib/server/services/check-gates";
import { withWorkspace } from "./workspace";

/** The gates: reachability of the structure, orthogonality of every training set. Exit 1 when one fails. */
export async function checkCommand(opts: { discipline?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const report = await checkGates(db, opts.discipline);
    if (opts.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`Reachability ${(report.reachability * 100).toFixed(1)}%: ${report.concepts} concepts, ${report.relations} relations, ${report.chains} chains.`);
      for (const v of report.violations.slice(0, 50)) console.log(`  ${v.message}`);
      if (report.violations.length > 50) console.log(`  … and ${report.violations.length - 50} more`);
      const o = report.orthogonality;
      console.log(`Orthogonality: ${o.trainingSets.length} training set${o.trainingSets.length === 1 ? "" : "s"} against ${o.items} benchmark items: ${o.violations} overlapping pair${o.violations === 1 ? "" : "s"}.`);
      for (const t of o.trainingSets.filter((t) => t.violations > 0)) {
        console.log(`  ${t.name} v${t.version}: ${t.violations}`);
        for (const p of t.pairs.slice(0, 5)) console.log(`    instance ${p.instanceId} ~ item ${p.itemId} (${p.kind}): ${describeViolation(p)}`);
      }
    }
    return report.ok ? 0 : 1;
  });
}
