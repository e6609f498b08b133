import { renderToStaticMarkup } from "react-dom/server";
import { CommentText } from "@/components/comments/CommentText";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const bodies = JSON.parse(input) as string[];
process.stdout.write(JSON.stringify(bodies.map((body) => renderToStaticMarkup(<CommentText body={body} />))));
