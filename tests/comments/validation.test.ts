import { describe, expect, it } from "vitest";
import { commentBackupSchema, commentFormSchema, commentRecordSchema } from "@/lib/comments/schema";

const good = { postSlug: "etf-flows", name: "Ada Lovelace", email: "ada@example.com", body: "A fair point.", renderedAt: "1700000000000" };

const parse = (fields: Record<string, unknown>) => commentFormSchema.safeParse({ ...good, ...fields });

/** The cleaned value of one field of an otherwise good form. */
function cleaned<K extends "name" | "email" | "body">(field: K, value: string) {
  const result = parse({ [field]: value });
  if (!result.success) throw new Error(`"${value}" was refused: ${result.error.issues[0]?.message}`);
  return result.data[field];
}

/** The first message for each field, as the form shows them. */
function errors(fields: Record<string, unknown>): Record<string, string> {
  const result = parse(fields);
  if (result.success) return {};
  const messages: Record<string, string> = {};
  for (const issue of result.error.issues) messages[String(issue.path[0])] ??= issue.message;
  return messages;
}

describe("commentFormSchema", () => {
  it("accepts a good form, coercing the render time and dropping an empty reply id", () => {
    expect(parse({ parentId: "" })).toEqual({
      success: true,
      data: { postSlug: "etf-flows", name: "Ada Lovelace", email: "ada@example.com", body: "A fair point.", renderedAt: 1_700_000_000_000 },
    });
  });

  describe("name", () => {
    it("is required: missing, empty, blank or invisible-only names are refused", () => {
      for (const name of [undefined, "", "   ", "\n\t", "\u202E\u2066\u200F", "\u0000\u0007"]) {
        expect(errors({ name })).toEqual({ name: "Please enter your name." });
      }
    });

    it("may be 80 characters, not 81, counted after trimming", () => {
      expect(cleaned("name", "n".repeat(80))).toHaveLength(80);
      expect(cleaned("name", `  ${"n".repeat(80)}  `)).toHaveLength(80);
      expect(errors({ name: "n".repeat(81) })).toEqual({ name: "Your name can be at most 80 characters." });
    });

    it("is trimmed and stripped of direction tricks and control characters", () => {
      expect(cleaned("name", "  \u202EAda\u202C Lovelace\u0007 ")).toBe("Ada Lovelace");
    });

    it("is one line, and something visible: zero-width characters alone are no name", () => {
      expect(cleaned("name", "Ada\n\tLovelace")).toBe("Ada Lovelace");
      expect(cleaned("name", "A\u200Bda\uFEFF")).toBe("Ada");
      expect(cleaned("name", "👩\u200D💻 Ada")).toBe("👩\u200D💻 Ada");
      expect(errors({ name: "\u200B\u2060\uFEFF" })).toEqual({ name: "Please enter your name." });
    });
  });

  describe("email", () => {
    it("is required", () => {
      expect(errors({ email: undefined })).toEqual({ email: "Please enter your email." });
      expect(errors({ email: "" })).toEqual({ email: "Please enter your email address." });
      expect(errors({ email: "   " })).toEqual({ email: "Please enter your email address." });
    });

    it("must look like an address", () => {
      for (const email of ["a@", "no-at", "@example.com", "a@b", "a b@example.com", "a@@example.com", "a@example..com", ".a@example.com", "<a@example.com>", "a@example.com, b@example.com"]) {
        expect(errors({ email }), email).toEqual({ email: "Please enter a valid email address, like name@example.com." });
      }
      for (const email of ["a@b.co", "first.last+news@mail.example.org", "o'brien@example.ie"]) expect(cleaned("email", email)).toBe(email);
    });

    it("is trimmed, and may be 254 characters, not 255", () => {
      expect(cleaned("email", "  ada@example.com\t")).toBe("ada@example.com");
      const at254 = `a@${"b".repeat(248)}.com`;
      expect(cleaned("email", at254)).toBe(at254);
      expect(errors({ email: `a@${"b".repeat(249)}.com` })).toEqual({ email: "This email address is too long." });
    });
  });

  describe("body", () => {
    it("is required", () => {
      expect(errors({ body: undefined })).toEqual({ body: "Please enter your comment." });
      expect(errors({ body: "" })).toEqual({ body: "Please write a comment." });
      expect(errors({ body: " \n\r\n\t " })).toEqual({ body: "Please write a comment." });
    });

    it("has 2 to 5,000 characters, counted after cleaning", () => {
      expect(errors({ body: "a" })).toEqual({ body: "Your comment must be at least 2 characters." });
      expect(errors({ body: " a\u202E\u0000 " })).toEqual({ body: "Your comment must be at least 2 characters." });
      expect(cleaned("body", "ok")).toBe("ok");
      expect(cleaned("body", "x".repeat(5_000))).toHaveLength(5_000);
      expect(cleaned("body", `\n\n${"x".repeat(5_000)}  \n`)).toHaveLength(5_000);
      expect(errors({ body: "x".repeat(5_001) })).toEqual({ body: "Your comment can be at most 5,000 characters." });
      // 3,000 Windows line ends are 6,000 characters typed but 3,000 once made "\n".
      expect(cleaned("body", "a\r\n".repeat(1_500))).toHaveLength(2_999);
    });

    it("turns CRLF and lone CR into LF and keeps line breaks and tabs", () => {
      expect(cleaned("body", "one\r\ntwo\rthree\nfour\r\n\r\nfive\tsix")).toBe("one\ntwo\nthree\nfour\n\nfive\tsix");
    });

    it("strips every bidirectional override, embedding, isolate and mark, and C0 control characters", () => {
      const tricks = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F";
      const controls = "\u0000\u0001\u0007\u0008\u000B\u000C\u000E\u001B\u001F\u007F";
      expect(cleaned("body", `pay${tricks}ment${controls} \u202Etxt.exe`)).toBe("payment txt.exe");
    });

    it("normalises to NFC, so the same text is stored one way", () => {
      expect(cleaned("body", "Zoe\u0308 cafe\u0301")).toBe("Zo\u00EB caf\u00E9");
    });

    // U+009B is the 8-bit terminal escape, and `npm run comments -- list` prints to a terminal.
    it("strips C1 control characters too", () => {
      expect(cleaned("body", "a\u0085b\u009Bc\u0080d\u009Fe")).toBe("abcde");
    });

    it("strips the Arabic letter mark, the one Bidi_Control character not listed", () => {
      expect(cleaned("body", "ab\u061Ccd")).toBe("abcd");
    });
  });

  describe("parentId", () => {
    it("is empty or a 12-character comment id", () => {
      expect(parse({ parentId: "" }).data?.parentId).toBeUndefined();
      expect(parse({}).data?.parentId).toBeUndefined();
      expect(parse({ parentId: "Ab3_-xYz0123" }).data?.parentId).toBe("Ab3_-xYz0123");
      for (const parentId of ["abc", "Ab3_-xYz01234", "Ab3_-xYz012", "Ab3/-xYz0123", "Ab3 -xYz0123", "Ab3_-xYz012é", " Ab3_-xYz0123"]) {
        expect(errors({ parentId }), parentId).toEqual({ parentId: "The comment you are replying to is not available." });
      }
    });
  });

  it("refuses slugs that cannot name an article", () => {
    for (const postSlug of ["", "Bad_Slug", "../etc/passwd", "etf--flows", "-etf", "etf flows"]) {
      expect(errors({ postSlug }), postSlug).toEqual({ postSlug: "This article does not exist." });
    }
  });

  it("takes the render time as a whole, non-negative number of milliseconds", () => {
    expect(parse({ renderedAt: undefined }).data?.renderedAt).toBeUndefined();
    expect(parse({ renderedAt: "42" }).data?.renderedAt).toBe(42);
    for (const renderedAt of ["-1", "1.5", "soon", "Infinity"]) expect(parse({ renderedAt }).success, renderedAt).toBe(false);
  });

  it("passes the honeypot through for the server to judge", () => {
    expect(parse({ website: "http://spam.example" }).data?.website).toBe("http://spam.example");
  });

  it("never takes an id, status or time from the form", () => {
    const result = parse({ id: "Ab3_-xYz0123", status: "approved", createdAt: "2020-01-01T00:00:00.000Z", authorEmail: "x@y.zz" });
    expect(Object.keys(result.data ?? {}).sort()).toEqual(["body", "email", "name", "postSlug", "renderedAt"]);
  });
});

const record = {
  id: "Ab3_-xYz0123",
  postSlug: "etf-flows",
  parentId: null,
  authorName: "Ada",
  authorEmail: "ada@example.com",
  body: "A fair point.",
  status: "approved",
  createdAt: "2024-03-01T10:00:00.000Z",
  updatedAt: "2024-03-01T11:00:00.000Z",
};

describe("commentRecordSchema", () => {
  it("accepts a record as exported", () => {
    expect(commentRecordSchema.parse(record)).toEqual(record);
    expect(commentRecordSchema.parse({ ...record, parentId: "Zz9_-aBc4567" }).parentId).toBe("Zz9_-aBc4567");
  });

  it.each([
    ["an unknown field", { extra: 1 }],
    ["a malformed id", { id: "short" }],
    ["a missing id", { id: undefined }],
    ["an empty parent id instead of null", { parentId: "" }],
    ["a malformed parent id", { parentId: "../../etc" }],
    ["an empty slug", { postSlug: "" }],
    ["an empty name", { authorName: "" }],
    ["a name of 81 characters", { authorName: "n".repeat(81) }],
    ["an invalid email", { authorEmail: "not-an-email" }],
    ["a body of 1 character", { body: "x" }],
    ["a body of 5,001 characters", { body: "x".repeat(5_001) }],
    ["an unknown status", { status: "deleted" }],
    ["a date that is not ISO 8601", { createdAt: "yesterday" }],
    ["a date without a time", { updatedAt: "2024-03-01" }],
    ["a number for a date", { createdAt: 1_700_000_000_000 }],
  ])("refuses %s", (_name, change) => {
    expect(commentRecordSchema.safeParse({ ...record, ...change }).success).toBe(false);
  });
});

describe("commentBackupSchema", () => {
  const backup = { version: 1, exportedAt: "2024-03-02T00:00:00.000Z", comments: [record] };

  it("accepts an export, even an empty one", () => {
    expect(commentBackupSchema.parse(backup)).toEqual(backup);
    expect(commentBackupSchema.parse({ ...backup, comments: [] }).comments).toEqual([]);
  });

  it("refuses another version, missing parts, unknown fields and any bad record, naming where", () => {
    expect(commentBackupSchema.safeParse({ ...backup, version: 2 }).success).toBe(false);
    expect(commentBackupSchema.safeParse({ ...backup, exportedAt: undefined }).success).toBe(false);
    expect(commentBackupSchema.safeParse({ ...backup, comments: undefined }).success).toBe(false);
    expect(commentBackupSchema.safeParse({ ...backup, comments: {} }).success).toBe(false);
    expect(commentBackupSchema.safeParse({ ...backup, note: "x" }).success).toBe(false);
    const result = commentBackupSchema.safeParse({ ...backup, comments: [record, { ...record, id: "Zz9_-aBc4567", status: "deleted" }] });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["comments", 1, "status"]]);
  });
});
