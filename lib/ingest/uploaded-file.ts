/** A file handed to the pipeline: an upload's part, a CLI path, or an archive's member. */
export interface UploadedFile {
  name: string;
  stream: AsyncIterable<Uint8Array>;
  /** Where the file is on this machine (CLI), so that a zip is read in place, not copied. */
  path?: string;
  /** Its size in bytes when known before reading, for progress. */
  size?: number;
}
