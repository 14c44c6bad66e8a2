import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guard";

export default async function Home() {
  await requireUser("viewer");
  redirect("/alerts");
}
