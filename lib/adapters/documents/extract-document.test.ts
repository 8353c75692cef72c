import { describe, expect, it } from "vitest";
import { corruptPdf, makeDocx, makePdf } from "@/test/documents";
import { extractDocument } from "./extract-document";

const enc = (s: string) => new TextEncoder().encode(s);
const paragraphs = (blocks: { kind: string; text: string }[]) => blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);

describe("extractDocument", () => {
  it("reads Markdown and plain text headings", async () => {
    const doc = await extractDocument("notes.txt", enc("\uFEFF# Tides\n\nThe Moon's gravity raises tides.\n"));
    expect(doc).toEqual({
      format: "txt",
      title: "Tides",
      blocks: [
        { kind: "heading", level: 1, text: "Tides" },
        { kind: "paragraph", text: "The Moon's gravity raises tides." },
      ],
    });
  });

  it("reads HTML without page furniture", async () => {
    const html = `<html><head><title>Markets</title><style>p{}</style></head><body><nav>Home | About</nav>
      <h2>Supply</h2><p>Supply is the quantity <a href="/x">offered</a> at each price.</p><script>track()</script>
      <footer>© 2024 Site</footer></body></html>`;
    const doc = await extractDocument("page.html", enc(html));
    expect(doc.title).toBe("Markets");
    expect(doc.blocks).toEqual([
      { kind: "heading", level: 2, text: "Supply" },
      { kind: "paragraph", text: "Supply is the quantity offered at each price." },
    ]);
  });

  it("reads the text of a real PDF and joins its lines into paragraphs", async () => {
    const pdf = makePdf(
      [["Photosynthesis converts light energy into", "chemical energy stored in glucose.", "", "Respiration releases that energy as ATP."]],
      "Energy in cells",
    );
    const doc = await extractDocument("energy.pdf", pdf);
    expect(doc.format).toBe("pdf");
    expect(doc.title).toBe("Energy in cells");
    expect(paragraphs(doc.blocks).join(" ")).toContain("Photosynthesis converts light energy into chemical energy stored in glucose.");
    expect(paragraphs(doc.blocks).join(" ")).toContain("Respiration releases that energy as ATP.");
  });

  it("reads DOCX headings and paragraphs", async () => {
    const docx = await makeDocx([{ heading: "Plate tectonics", level: 1 }, { text: "Plates move over the mantle." }]);
    const doc = await extractDocument("geo.docx", docx);
    expect(doc.title).toBe("Plate tectonics");
    expect(doc.blocks).toEqual([
      { kind: "heading", level: 1, text: "Plate tectonics" },
      { kind: "paragraph", text: "Plates move over the mantle." },
    ]);
  });

  it("names the file and the problem for corrupt, binary and unsupported files", async () => {
    await expect(extractDocument("broken.pdf", corruptPdf())).rejects.toMatchObject({ code: "CORRUPT_FILE", message: expect.stringMatching(/broken\.pdf.*PDF/) });
    await expect(extractDocument("fake.pdf", enc("hello"))).rejects.toMatchObject({ code: "CORRUPT_FILE" });
    await expect(extractDocument("broken.docx", enc("PK not a zip"))).rejects.toMatchObject({ code: "CORRUPT_FILE", message: expect.stringMatching(/broken\.docx/) });
    await expect(extractDocument("bin.txt", new Uint8Array([65, 0, 66]))).rejects.toMatchObject({ code: "CORRUPT_FILE" });
    await expect(extractDocument("image.png", enc("x"))).rejects.toMatchObject({ code: "UNSUPPORTED_FORMAT" });
    await expect(extractDocument("empty.md", enc("# Only a heading\n"))).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
