import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED_CORPUS, paragraph } from "@/test/fixtures";
import {
  chunkBlocks,
  contentHash,
  countTokens,
  markdownToBlocks,
  parseManifest,
  prepareDocument,
  qualityIssue,
  splitSentences,
} from "./index";

describe("markdownToBlocks", () => {
  it("finds ATX and setext headings, paragraphs and lists, and the title", () => {
    const { title, blocks } = markdownToBlocks(
      "# Cells\n\nA cell is the unit\nof life.\n\nMembranes\n---------\n\n- lipids\n- proteins\n\n## Nucleus\nThe nucleus holds DNA.",
    );
    expect(title).toBe("Cells");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Cells" },
      { kind: "paragraph", text: "A cell is the unit of life." },
      { kind: "heading", level: 2, text: "Membranes" },
      { kind: "paragraph", text: "- lipids\n- proteins" },
      { kind: "heading", level: 2, text: "Nucleus" },
      { kind: "paragraph", text: "The nucleus holds DNA." },
    ]);
  });
});

describe("chunkBlocks", () => {
  it("never crosses a heading and keeps each chunk within the token budget", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} explains how enzymes lower activation energy.`).join(" ");
    const chunks = chunkBlocks(
      [
        { kind: "heading", level: 2, text: "Enzymes" },
        { kind: "paragraph", text: long },
        { kind: "heading", level: 2, text: "Membranes" },
        { kind: "paragraph", text: paragraph("Membranes") },
      ],
      100,
    );
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.tokens).toBeLessThanOrEqual(100);
      expect(c.tokens).toBe(countTokens(c.text));
    }
    expect(chunks.at(-1)!.heading).toBe("Membranes");
    expect(chunks.filter((c) => c.heading === "Enzymes").every((c) => !c.text.includes("Membranes is"))).toBe(true);
    // Long paragraphs are split at sentence ends, never inside a sentence.
    for (const c of chunks.filter((c) => c.heading === "Enzymes")) expect(c.text).toMatch(/energy\.$/);
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it("merges short paragraphs under one heading", () => {
    const chunks = chunkBlocks([
      { kind: "paragraph", text: paragraph("A") },
      { kind: "paragraph", text: paragraph("B") },
    ]);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toContain("\n\n");
  });

  it("splits sentences at terminal punctuation before a capital", () => {
    expect(splitSentences('Water boils at 100 °C. It freezes at 0 °C! Does it? "Yes." 3 states exist.')).toEqual([
      "Water boils at 100 °C.",
      "It freezes at 0 °C!",
      "Does it?",
      '"Yes."',
      "3 states exist.",
    ]);
  });
});

describe("quality filter and duplicates", () => {
  it("names the reason for each dropped chunk", () => {
    expect(qualityIssue("Figure 3.2")).toBe("too_short");
    expect(qualityIssue("| -- | -- | ++ | == | 12 | 34 | ## | ** | -- | -- | ++ | == |")).toBe("mostly_symbols");
    expect(qualityIssue("Copyright 2024 Example Press. All rights reserved. No part of this book may be reproduced without permission.")).toBe(
      "boilerplate",
    );
    expect(qualityIssue(paragraph("Photosynthesis"))).toBeNull();
  });

  it("drops duplicates within and across documents, by normalised content", () => {
    const seen = new Set<string>();
    const a = prepareDocument([{ kind: "heading", level: 1, text: "A" }, { kind: "paragraph", text: paragraph("Cells") }], seen);
    const b = prepareDocument(
      [
        { kind: "heading", level: 1, text: "B" },
        { kind: "paragraph", text: paragraph("Cells").toUpperCase() },
        { kind: "heading", level: 2, text: "C" },
        { kind: "paragraph", text: "Too short." },
      ],
      seen,
    );
    expect(a.chunks).toHaveLength(1);
    expect(b.chunks).toHaveLength(0);
    expect(b.dropped).toEqual({ duplicate: 1, too_short: 1 });
    expect(b.droppedSamples.map((s) => s.reason).sort()).toEqual(["duplicate", "too_short"]);
    expect(contentHash("Hello,  World")).toBe(contentHash("hello world"));
  });

  it("keeps almost every chunk of real textbook prose (../shared/corpus)", () => {
    const files = fs.readdirSync(SHARED_CORPUS, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(16);
    let kept = 0;
    let dropped = 0;
    const seen = new Set<string>();
    for (const f of files) {
      const { blocks } = markdownToBlocks(fs.readFileSync(path.join(SHARED_CORPUS, f), "utf8"));
      const prepared = prepareDocument(blocks, seen);
      kept += prepared.chunks.length;
      dropped += Object.values(prepared.dropped).reduce((n, v) => n + (v ?? 0), 0);
      for (const c of prepared.chunks) expect(c.tokens).toBeLessThanOrEqual(400);
    }
    expect(kept).toBeGreaterThan(500);
    expect(dropped / (kept + dropped)).toBeLessThan(0.1);
  });
});

describe("parseManifest", () => {
  it("reports bad JSON, missing fields and repeated paths by line, and keeps the good lines", () => {
    const text = [
      '{"path": "a.txt", "discipline": "Biology", "title": "A", "book": "Bio"}',
      '{"path": "b.txt", "discipline": ',
      "",
      '{"path": "c.txt"}',
      '{"path": "a.txt", "discipline": "Physics"}',
      '{"path": "d.txt", "discipline": "Physics"}',
    ].join("\n");
    const { entries, errors } = parseManifest(text, "manifest.jsonl");
    expect(entries.map((e) => [e.path, e.line])).toEqual([
      ["a.txt", 1],
      ["d.txt", 6],
    ]);
    expect(entries[0].book).toBe("Bio");
    expect(errors.map((e) => e.line)).toEqual([2, 4, 5]);
    expect(errors[0].message).toMatch(/invalid JSON/);
    expect(errors[1].message).toMatch(/field "discipline"/);
    expect(errors[2].message).toMatch(/already listed on line 1/);
    expect(errors.every((e) => e.file === "manifest.jsonl")).toBe(true);
  });
});
