type Props = {
  title: string;
  text: string;
  /** The button that acts on the link's token (a server action); none when there is nothing to do. */
  button?: { label: string; action: (form: FormData) => Promise<void>; token: string };
};

/**
 * A page an email's link opens. Opening it changes nothing (mail scanners open every link); the reader's
 * press of the button, a POST, does.
 */
export function LinkButtonPage({ title, text, button }: Props) {
  return (
    <div className="newsletter-page">
      <h1>{title}</h1>
      <p>{text}</p>
      {button && (
        <form action={button.action}>
          <input type="hidden" name="token" value={button.token} />
          <button type="submit">{button.label}</button>
        </form>
      )}
    </div>
  );
}
