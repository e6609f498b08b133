import { Stylesheets } from "@/components/html/Stylesheets";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <Stylesheets sheets={["admin"]} />
      {children}
    </>
  );
}
