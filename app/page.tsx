import { redirect } from "next/navigation";

/** The workloads list is the home page. */
export default function Home(): never {
  redirect("/workloads");
}
