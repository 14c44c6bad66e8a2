import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Upload" };

export default async function IngestPage() {
  await requireUser("analyst");
  return (
    <>
      <h1>Upload logs</h1>
      <UploadForm />
    </>
  );
}
