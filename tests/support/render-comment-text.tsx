/**
 * Renders <CommentText> to HTML the way Next.js's server-side rendering does: react-dom/server in
 * plain Node. Vitest runs under the react-server condition, where react-dom/server refuses to load,
 * so tests call this through renderCommentTexts() in comment-html.ts.
 * Reads a JSON array of comment bodies on stdin, writes a JSON array of HTML strings.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { CommentText } from "@/components/comments/CommentText";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const bodies = JSON.parse(input) as string[];
process.stdout.write(JSON.stringify(bodies.map((body) => renderToStaticMarkup(<CommentText body={body} />))));
