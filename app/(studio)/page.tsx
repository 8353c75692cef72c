import { redirect } from "next/navigation";
import { DISCIPLINE_PARAM, navHref } from "@/lib/client/url";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The studio opens on its first stage, keeping a discipline chosen in a shared link. */
export default async function StudioHome({ searchParams }: Props) {
  const discipline = (await searchParams)[DISCIPLINE_PARAM];
  redirect(navHref("/corpus", typeof discipline === "string" ? discipline : null));
}
