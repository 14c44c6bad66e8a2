import type { Metadata } from "next";
import { UploadForm } from "./upload-form";

export const metadata: Metadata = { title: "Upload" };

export default function IngestPage() {
  return (
    <>
      <h1>Upload logs</h1>
      <UploadForm />
    </>
  );
}
