import { Stylesheets } from "@/components/html/Stylesheets";

export default function NewsletterLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <Stylesheets sheets={["newsletter"]} />
      {children}
    </>
  );
}
