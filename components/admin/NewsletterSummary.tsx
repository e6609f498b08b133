import type { SubscriberStatus } from "@/lib/newsletter/schema";

type Props = {
  counts: Record<SubscriberStatus, number>;
  sends: { id: string; href: string; list: string; status: string; created_at: string; deliveries: Record<string, number> }[];
};

const countLabels: Record<SubscriberStatus, string> = { pending: "Pending (not yet confirmed)", confirmed: "Confirmed", unsubscribed: "Unsubscribed", bounced: "Bounced" };

/** The newsletter on the moderation page: counts only, never an address. */
export function NewsletterSummary({ counts, sends }: Props) {
  return (
    <section className="admin__newsletter" aria-labelledby="newsletter-summary-title">
      <h2 id="newsletter-summary-title">Newsletter</h2>
      <dl className="admin__counts">
        {Object.entries(countLabels).map(([status, label]) => (
          <div key={status}>
            <dt>{label}</dt>
            <dd>{counts[status as SubscriberStatus].toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      <h3>Last sends</h3>
      {sends.length === 0 ? (
        <p>No digest has been sent yet. Send one with <code>npm run newsletter -- send daily</code>.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Digest</th>
              <th scope="col">Started</th>
              <th scope="col">State</th>
              <th scope="col">Copies</th>
            </tr>
          </thead>
          <tbody>
            {sends.map((send) => (
              <tr key={send.id}>
                <td>
                  <a href={send.href}>{send.id}</a>
                </td>
                <td>{send.created_at.replace("T", " ").slice(0, 16)} UTC</td>
                <td>{send.status === "sent" ? "finished" : "unfinished: run the send again"}</td>
                <td>{Object.entries(send.deliveries).map(([status, count]) => `${count} ${status}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
