import { checkStructure } from "@/lib/server/services/knowledge/check-structure";
import { withWorkspace } from "./workspace";

/** The gates: reachability now; later issues add orthogonality. Exit 1 when one fails. */
export async function checkCommand(opts: { discipline?: string; json?: boolean }): Promise<number> {
  return withWorkspace(async (db) => {
    const report = await checkStructure(db, opts.discipline);
    if (opts.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`Reachability ${(report.reachability * 100).toFixed(1)}%: ${report.concepts} concepts, ${report.relations} relations, ${report.chains} chains.`);
      for (const v of report.violations.slice(0, 50)) console.log(`  ${v.message}`);
      if (report.violations.length > 50) console.log(`  … and ${report.violations.length - 50} more`);
    }
    return report.ok ? 0 : 1;
  });
}
