import { describe, expect, it } from "vitest";
import { synthesize, type TrainingInstanceDraft } from "../builder";
import { DEFAULT_PREDICATES } from "../knowledge/vocabulary";
import { createBenchmarkIndex } from "../orthogonality";
import { buildBenchmark, type BenchmarkItemDraft, type TesterInput } from "../tester";
import { answerItem, trainStudent } from "./index";

/**
 * The loop in miniature with the real engines: a structure → the Tester's items → the Builder's
 * instances (what the gate would refuse left out, as the build does) → the student. Leaving out
 * the instances that teach one relation must break exactly the items whose chain uses it.
 */
const C = (id: string, name: string, definition: string) => ({ id, name, definition, topic: "t1" });
const R = (id: string, subjectId: string, predicate: string, objectId: string, evidence: string) => ({ id, subjectId, predicate, objectId, evidence });

function structure(): TesterInput {
  const concepts = [
    C("light", "light energy", "energy carried by electromagnetic radiation."),
    C("chemical", "chemical energy", "energy held in the bonds between atoms."),
    C("glucose", "glucose", "a simple six-carbon carbohydrate."),
    C("sunlight", "sunlight", "radiation given off by the star at the centre of the solar system."),
    C("sugar", "sugar", "a sweet soluble carbohydrate."),
    C("fructose", "fructose", "a simple carbohydrate found in fruit."),
    C("chlorophyll", "chlorophyll", "a green pigment of plants."),
    C("smoke", "tobacco smoke", "the aerosol released when tobacco burns."),
    C("inflammation", "airway inflammation", "swelling and irritation of the passages that carry air."),
    C("emphysema", "emphysema", "a condition in which the air sacs are damaged."),
    C("lungdisease", "lung disease", "any disorder of the organs of breathing."),
    C("heartdisease", "heart disease", "any disorder of the organ that pumps blood."),
    C("disorder", "disorder", "a disruption of normal function."),
    C("cigarette", "cigarette", "a roll of cut tobacco in paper."),
    C("pancreas", "pancreas", "a gland behind the stomach."),
    C("insulin", "insulin", "a peptide that lowers glucose in the blood."),
    C("hormone", "hormone", "a chemical messenger carried in the blood."),
    C("signal", "signalling molecule", "a molecule that carries information between cells."),
    C("neurotransmitter", "neurotransmitter", "a messenger released at a synapse."),
    C("betacell", "beta cell", "a cell of the islets that responds to glucose."),
  ];
  const relations = [
    R("r1", "light", "converts_to", "chemical", "In plants, light energy is converted into chemical energy."),
    R("r2", "chemical", "located_in", "glucose", "The chemical energy is located in glucose molecules."),
    R("r3", "sunlight", "converts_to", "light", "Sunlight is converted into light energy that reaches the leaf."),
    R("r4", "glucose", "is_a", "sugar", "Glucose is a kind of sugar."),
    R("r5", "fructose", "is_a", "sugar", "Fructose is a kind of sugar as well."),
    R("r6", "chlorophyll", "produces", "chemical", "Chlorophyll produces chemical energy in the leaf."),
    R("r10", "smoke", "causes", "inflammation", "Tobacco smoke causes airway inflammation."),
    R("r11", "inflammation", "leads_to", "emphysema", "Airway inflammation leads to emphysema over years."),
    R("r12", "emphysema", "is_a", "lungdisease", "Emphysema is a kind of lung disease."),
    R("r13", "lungdisease", "is_a", "disorder", "Lung disease is a kind of disorder."),
    R("r14", "heartdisease", "is_a", "disorder", "Heart disease is another kind of disorder."),
    R("r15", "cigarette", "produces", "smoke", "A burning cigarette produces tobacco smoke."),
    R("r20", "pancreas", "produces", "insulin", "The pancreas produces insulin."),
    R("r21", "insulin", "is_a", "hormone", "Insulin is a kind of hormone."),
    R("r22", "betacell", "part_of", "pancreas", "The beta cell is part of the pancreas."),
    R("r23", "hormone", "is_a", "signal", "A hormone is a kind of signalling molecule."),
    R("r24", "neurotransmitter", "is_a", "signal", "A neurotransmitter is a kind of signalling molecule too."),
  ];
  const byId = new Map(relations.map((r) => [r.id, r]));
  const chain = (id: string, ...ids: string[]) => ({ id, steps: ids.map((r) => byId.get(r)!) });
  return {
    discipline: "biology",
    concepts,
    relations,
    // Two chains share r2; the others share nothing.
    chains: [chain("k1", "r1", "r2"), chain("k2", "r6", "r2"), chain("k3", "r10", "r11", "r12"), chain("k4", "r20", "r21")],
    vocabulary: DEFAULT_PREDICATES,
  };
}

function loop() {
  const input = structure();
  const { items } = buildBenchmark([input], { seed: 1 });
  const { instances } = synthesize([{ discipline: input.discipline, concepts: input.concepts.map((c) => ({ id: c.id, name: c.name, definition: c.definition ?? null, chunkId: null, approved: false })), relations: input.relations.map((r) => ({ ...r, evidence: r.evidence ?? "", chunkId: null, approved: false })), vocabulary: input.vocabulary }], {});
  const gate = createBenchmarkIndex(items.map((item, n) => ({ id: String(n), text: `${item.stem} ${item.options.map((o) => o.text).join(" ")}`, path: item.path })));
  const clean = instances.filter((x, n) => gate.check({ id: String(n), text: `${x.prompt}\n${x.completion}`, conceptIds: x.conceptIds, relationIds: x.relationIds }).length === 0);
  return { items, instances: clean };
}

const choices = (instances: TrainingInstanceDraft[], items: BenchmarkItemDraft[]) => {
  const model = trainStudent(instances);
  return items.map((item) => answerItem(model, { stem: item.stem, options: item.options.map((o) => o.text) }));
};

describe("the local student on the real Tester and Builder", () => {
  const { items, instances } = loop();
  const full = choices(instances, items);

  it("answers every item when trained on every instance, chaining one statement per step", () => {
    expect(items.map((i) => i.chainId).sort()).toEqual(["k1", "k2", "k3", "k4"]);
    for (const [n, item] of items.entries()) {
      expect(full[n].choice, item.stem).toBe(item.answerIndex);
      // The gate keeps any one instance from stating two steps of a chain: the answer rests on one statement per step.
      expect(full[n].evidence).toHaveLength(item.path.length);
    }
  });

  it("fails exactly the items whose chain uses a relation it was not taught", () => {
    for (const relation of ["r1", "r2", "r10", "r11", "r12", "r20", "r21"]) {
      const without = instances.filter((x) => !x.relationIds.includes(relation));
      expect(without.length).toBeLessThan(instances.length);
      const after = choices(without, items);
      for (const [n, item] of items.entries()) {
        const uses = item.path.some((s) => s.relationId === relation);
        if (uses) expect(after[n].choice, `${item.chainId} without ${relation}`).not.toBe(item.answerIndex);
        else expect(after[n].choice, `${item.chainId} without ${relation}`).toBe(full[n].choice);
      }
    }
  });

  it("answers the items of a relation it was not taught no better than chance", () => {
    const without = instances.filter((x) => !x.relationIds.includes("r2"));
    const affected = items.filter((i) => i.path.some((s) => s.relationId === "r2"));
    expect(affected.length).toBe(2);
    const right = choices(without, affected).filter((a, n) => a.choice === affected[n].answerIndex).length;
    const chance = affected.reduce((sum, i) => sum + 1 / i.options.length, 0);
    expect(right).toBeLessThanOrEqual(chance);
  });
});
