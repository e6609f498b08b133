import { it } from "vitest";
import { commentParagraphs } from "@/lib/comments/text";
it("probe", async () => {
  for (const b of ["https://example.com/a?b=1&c=<x>", "www.x.com and Crypto.com", "see (https://a.com/x). HTTPS://B.COM/Y, http://localhost:3000/x", "https://x.com/\"onmouseover=alert(1)", "a\u202Eb https://exa\u202Emple.com", "ftp://a.com //a.com mailto:a@b.com a@b.com javascript:alert(1) [x](javascript:alert(1))"]) console.log(JSON.stringify(commentParagraphs(b)));
});
