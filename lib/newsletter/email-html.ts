import "server-only";
import { siteConfig } from "../config";
import { escapeHtml } from "../html/escape";
import { formatChangePct, formatCompactUsd, formatPrice, formatShare, formatUtcMoment } from "../market/format";
import type { DigestContent, DigestMarket } from "./digest-content";
import { confirmationHours } from "./wording";

/** The parts of an email the layout frames; text is the plain part, read first by clients that prefer it. */
export type EmailBody = { subject: string; preheader: string; html: string; text: string };

const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const colours = { ink: "#111827", muted: "#4b5563", line: "#e5e7eb", paper: "#ffffff", page: "#f3f4f6", link: "#1d4ed8" };

/** "1 Dec 2026, 06:00 UTC": every figure says when it is from, however long after the email is read. */
export const asOf = (iso: string) => formatUtcMoment(iso, { withYear: true });

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:${colours.link};text-decoration:underline">${escapeHtml(text)}</a>`;

/**
 * Table layout and inline styles, which Outlook (Word's renderer) and Gmail keep; explicit colours, with a
 * dark scheme for the clients that honour one; no tracking pixel and no rewritten links.
 */
export function emailDocument({ subject, preheader, html }: EmailBody, footerHtml: string): string {
  return `<!doctype html><html lang="${siteConfig.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark"><title>${escapeHtml(subject)}</title><style>@media (prefers-color-scheme: dark){.page{background:#0b0f19!important}.paper{background:#111827!important;color:#f3f4f6!important}.paper a{color:#93c5fd!important}.muted{color:#d1d5db!important}}</style></head>` +
    `<body style="margin:0;padding:0;background:${colours.page}">` +
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(preheader)}</div>` +
    `<table role="presentation" class="page" width="100%" cellpadding="0" cellspacing="0" style="background:${colours.page}"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" class="paper" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:${colours.paper};color:${colours.ink};${font};font-size:16px;line-height:1.5">` +
    `<tr><td style="padding:24px 24px 8px;font-size:22px;font-weight:700">${escapeHtml(siteConfig.name)}</td></tr>` +
    `<tr><td style="padding:8px 24px 24px">${html}</td></tr>` +
    `<tr><td class="muted" style="padding:16px 24px 24px;border-top:1px solid ${colours.line};color:${colours.muted};font-size:13px">${footerHtml}</td></tr>` +
    `</table></td></tr></table></body></html>`;
}

export function confirmationBody({ confirmUrl, lists }: { confirmUrl: string; lists: string }): EmailBody {
  const subject = `Confirm your ${siteConfig.name} newsletter`;
  const intro = `Someone, hopefully you, asked to receive ${siteConfig.name}'s ${lists} by email.`;
  const after = `The link works once and for ${confirmationHours} hours. If you did not ask for this, ignore this email: nothing will be sent.`;
  return {
    subject,
    preheader: "One click to confirm, and your first digest follows.",
    html:
      `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>` +
      `<p style="margin:0 0 16px"><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;padding:12px 20px;background:${colours.link};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">Confirm my subscription</a></p>` +
      `<p style="margin:0 0 16px">Or open this address: ${link(confirmUrl, confirmUrl)}</p>` +
      `<p class="muted" style="margin:0;color:${colours.muted}">${escapeHtml(after)}</p>`,
    text: `${intro}\n\nConfirm your subscription:\n${confirmUrl}\n\n${after}\n`,
  };
}

/** The market as a digest states it: each figure with the moment it is from. */
export function marketLines(market: DigestMarket): string[] {
  const lines: string[] = [];
  if (market.btc) lines.push(`Bitcoin ${formatPrice(market.btc.priceUsd)} (${formatChangePct(market.btc.change24hPct)} in 24 h), as of ${asOf(market.btc.at)}`);
  lines.push(`BTC dominance ${formatShare(market.dominance.btcPct)}, as of ${asOf(market.dominance.at)}`);
  lines.push(`Total market cap ${formatCompactUsd(market.marketCap.usd)} (${formatChangePct(market.marketCap.change24hPct)} in 24 h), as of ${asOf(market.marketCap.at)}`);
  if (market.fearGreed) lines.push(`Fear & Greed ${market.fearGreed.value}, ${market.fearGreed.classification}, as of ${asOf(market.fearGreed.at)}`);
  if (market.source === "snapshot") lines.push("The live market was out of reach when this was sent: these figures are an older snapshot.");
  return lines;
}

export function digestBody(content: DigestContent, webUrl: string): EmailBody {
  const count = `${content.stories.length} ${content.stories.length === 1 ? "story" : "stories"}`;
  const storiesHtml = content.stories
    .map(
      (story) =>
        `<tr><td style="padding:0 0 24px">` +
        (story.image ? `<img src="${escapeHtml(story.image.url)}" alt="${escapeHtml(story.image.alt)}" width="552" style="display:block;width:100%;max-width:552px;height:auto;border:0;margin:0 0 12px">` : "") +
        `<h2 style="margin:0 0 6px;font-size:19px;line-height:1.3">${link(story.url, story.title)}</h2>` +
        `<p style="margin:0">${escapeHtml(story.standfirst)}</p></td></tr>`,
    )
    .join("");
  const market = marketLines(content.market);
  return {
    subject: content.subject,
    preheader: content.stories[0]?.title ?? count,
    html:
      `<p class="muted" style="margin:0 0 16px;color:${colours.muted};font-size:13px">${escapeHtml(count)} · ${link(webUrl, "View in your browser")}</p>` +
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${storiesHtml}</table>` +
      `<h2 style="margin:8px 0 8px;font-size:17px">The market</h2>` +
      `<ul style="margin:0;padding:0 0 0 18px">${market.map((line) => `<li style="margin:0 0 4px">${escapeHtml(line)}</li>`).join("")}</ul>`,
    text:
      `${content.subject}\n${count}. View in your browser: ${webUrl}\n\n` +
      content.stories.map((story) => `${story.title}\n${story.standfirst}\n${story.url}\n`).join("\n") +
      `\nThe market\n${market.map((line) => `- ${line}`).join("\n")}\n`,
  };
}

/** The footer of every newsletter email: why it came, and a visible way out that needs no sign-in. */
export function emailFooter(unsubscribeUrl: string): { html: string; text: string } {
  const why = `You receive this because you subscribed at ${siteConfig.url}.`;
  return {
    html: `${escapeHtml(why)} ${link(unsubscribeUrl, "Unsubscribe")} at any time, in one click.`,
    text: `\n--\n${why}\nUnsubscribe in one click: ${unsubscribeUrl}\n`,
  };
}
