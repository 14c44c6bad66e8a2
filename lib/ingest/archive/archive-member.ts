/** One file inside an archive, streamed from it. */
export interface ArchiveMember {
  /** The path inside the archive, as the archive writes it. */
  name: string;
  /** Uncompressed size as the archive declares it. */
  size: number;
  bytes: AsyncIterable<Uint8Array>;
}

/**
 * Archive entries that are never logs: the metadata macOS adds when it zips a folder
 * (`__MACOSX/`, `._name` resource forks, `.DS_Store`).
 */
export function isPlatformMetadata(name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  return name.startsWith("__MACOSX/") || base.startsWith("._") || base === ".DS_Store";
}
