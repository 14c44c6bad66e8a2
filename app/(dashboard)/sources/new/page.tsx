import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { canSealSecrets } from "@/lib/pull/secret-box";
import { blankForm } from "@/lib/pull/source-form";
import { SourceForm } from "../source-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requireUser("admin");

  return (
    <>
      <p>
        <Link href="/sources">← Sources</Link>
      </p>
      <h1>Add a source</h1>
      <p className="hint">
        Give Tripline read-only credentials: the README lists the least each kind needs.
      </p>
      <SourceForm
        sourceId={null}
        initial={{ values: blankForm(), fieldErrors: {}, message: null, attempt: 0 }}
        storedSecrets={[]}
        canSeal={canSealSecrets()}
      />
    </>
  );
}
